import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys, auditLog } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import { tokenHash } from "../../auth/tokens";
import type * as RecordModule from "../audit/record";
import { recordAudit } from "../audit/record";
import { authenticate } from "../auth/authenticate";
import { create, list, remove } from ".";

// The real recordAudit, wrapped so a test can make it fail once: the change must then roll back.
vi.mock("../audit/record", async (importOriginal) => {
  const real: typeof RecordModule = await importOriginal();
  return { recordAudit: vi.fn(real.recordAudit) };
});

describe.each(testDrivers)("api keys on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));

  const keysOf = (ctx: Ctx) => db.db.select().from(apiKeys).where(eq(apiKeys.tenantId, ctx.tenantId));
  const auditOf = async (ctx: Ctx) =>
    (await db.db.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)).orderBy(auditLog.createdAt)).filter((a) =>
      a.action.startsWith("api-key."),
    );

  it("creates a key shown once, stores only its HMAC, and the key authenticates as the tenant's admin", async () => {
    const { ctx, tenant, user } = await makeTenant(deps);
    const out = await create({ ctx, input: { name: "CRM sync" } });
    expect(out.key).toMatch(/^hl_[\w-]{40,}$/);
    expect(out.prefix).toBe(out.key.slice(0, 10));
    const [row] = await keysOf(ctx);
    expect(row?.keyHash).toBe(tokenHash(deps.secret, out.key));
    expect(row?.keyHash).not.toContain(out.key.slice(3));
    expect(JSON.stringify(row)).not.toContain(out.key);
    expect(row?.createdBy).toBe(user.id);

    const found = await authenticate({ deps, input: { kind: "api-key", key: out.key } });
    expect(found?.ctx).toMatchObject({ tenantId: tenant.id, actor: { kind: "api-key", apiKeyId: out.id, role: "admin" } });
    expect(await authenticate({ deps, input: { kind: "api-key", key: `${out.key}x` } })).toBeNull();

    const listed = await list({ ctx });
    expect(listed.map(({ lastUsedAt: _, ...k }) => k)).toEqual([{ id: out.id, name: "CRM sync", prefix: out.prefix, createdAt: out.createdAt }]);
    expect(JSON.stringify(listed)).not.toContain(out.key);
    expect((await auditOf(ctx))[0]).toMatchObject({ action: "api-key.create", entityId: out.id, data: { name: "CRM sync", prefix: out.prefix } });
    expect(JSON.stringify(await auditOf(ctx))).not.toContain(out.key);
  });

  it("lists newest first; a deleted key no longer authenticates", async () => {
    const { ctx } = await makeTenant(deps);
    const first = await create({ ctx, input: { name: "one" } });
    const second = await create({ ctx, input: { name: "two" } });
    expect((await list({ ctx })).map((k) => k.name)).toEqual(["two", "one"]);
    await remove({ ctx, input: { id: first.id } });
    expect(await authenticate({ deps, input: { kind: "api-key", key: first.key } })).toBeNull();
    expect(await authenticate({ deps, input: { kind: "api-key", key: second.key } })).not.toBeNull();
    expect((await list({ ctx })).map((k) => k.id)).toEqual([second.id]);
    expect((await auditOf(ctx)).map((a) => [a.action, a.entityId])).toEqual([
      ["api-key.create", first.id],
      ["api-key.create", second.id],
      ["api-key.delete", first.id],
    ]);
  });

  it("records a key's own actions under the key", async () => {
    const { ctx } = await makeTenant(deps);
    const key = await create({ ctx, input: { name: "automation" } });
    const viaKey = (await authenticate({ deps, input: { kind: "api-key", key: key.key } }))?.ctx;
    if (!viaKey) throw new Error("key did not authenticate");
    const other = await create({ ctx: viaKey, input: { name: "made by a key" } });
    expect((await keysOf(ctx)).find((k) => k.id === other.id)?.createdBy).toBeNull();
    expect((await auditOf(ctx)).at(-1)).toMatchObject({ actorApiKeyId: key.id, actorUserId: null });
  });

  it("answers another tenant's key as not found and leaves it working", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const theirs = await create({ ctx: b.ctx, input: { name: "theirs" } });
    await expect(remove({ ctx: a.ctx, input: { id: theirs.id } })).rejects.toMatchObject({ code: "not_found" });
    expect(await list({ ctx: a.ctx })).toEqual([]);
    expect(await authenticate({ deps, input: { kind: "api-key", key: theirs.key } })).not.toBeNull();
    expect(await auditOf(a.ctx)).toEqual([]);
  });

  it("rolls back create and delete when their audit row cannot be written", async () => {
    const { ctx } = await makeTenant(deps);
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit store down"));
    await expect(create({ ctx, input: { name: "lost" } })).rejects.toThrow("audit store down");
    expect(await keysOf(ctx)).toEqual([]);
    const kept = await create({ ctx, input: { name: "kept" } });
    vi.mocked(recordAudit).mockRejectedValueOnce(new Error("audit store down"));
    await expect(remove({ ctx, input: { id: kept.id } })).rejects.toThrow("audit store down");
    expect(await authenticate({ deps, input: { kind: "api-key", key: kept.key } })).not.toBeNull();
    expect((await auditOf(ctx)).map((a) => a.action)).toEqual(["api-key.create"]);
  });
});
