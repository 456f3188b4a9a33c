import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import type { Deps } from "../../context";
import * as apiKeyService from "../api-keys";
import { authenticate } from "../auth/authenticate";
import * as skillService from "../skills";
import { auditQuery } from "./schemas";
import { list } from ".";

describe.each(testDrivers)("audit log on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("lists the tenant's entries newest first with the actor (user or key) and its name", async () => {
    const { ctx, user, tenant } = await makeTenant(deps);
    const skill = await skillService.create({ ctx, input: { name: "Billing" } });
    const key = await apiKeyService.create({ ctx, input: { name: "Robot" } });
    const viaKey = (await authenticate({ deps, input: { kind: "api-key", key: key.key } }))?.ctx;
    if (!viaKey) throw new Error("key did not authenticate");
    await skillService.remove({ ctx: viaKey, input: { id: skill.id } });

    const entries = await list({ ctx, input: { limit: 50 } });
    expect(entries.map((e) => e.action)).toEqual(["skill.delete", "api-key.create", "skill.create", "tenant.signup"]);
    expect(entries[0]).toMatchObject({ entityId: skill.id, actor: { type: "api-key", id: key.id, name: "Robot" }, data: { name: "Billing" } });
    expect(entries[2]).toMatchObject({ entityId: skill.id, actor: { type: "user", id: user.id, name: "Admin" } });
    expect(entries[3]).toMatchObject({ entityId: tenant.id });
    expect(new Date(entries[0]?.createdAt ?? "").getTime()).toBeGreaterThan(0);

    expect((await list({ ctx, input: { limit: 2 } })).map((e) => e.action)).toEqual(["skill.delete", "api-key.create"]);
  });

  it("shows nothing of another tenant", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    await skillService.create({ ctx: b.ctx, input: { name: "Theirs" } });
    expect((await list({ ctx: a.ctx, input: { limit: 50 } })).map((e) => e.action)).toEqual(["tenant.signup"]);
  });

  it("keeps entries of a deleted key, without its name", async () => {
    const { ctx } = await makeTenant(deps);
    const key = await apiKeyService.create({ ctx, input: { name: "Temp" } });
    const viaKey = (await authenticate({ deps, input: { kind: "api-key", key: key.key } }))?.ctx;
    if (!viaKey) throw new Error("key did not authenticate");
    await skillService.create({ ctx: viaKey, input: { name: "By key" } });
    await apiKeyService.remove({ ctx, input: { id: key.id } });
    const byKey = (await list({ ctx, input: { limit: 50 } })).find((e) => e.action === "skill.create");
    expect(byKey?.actor).toEqual({ type: "api-key", id: key.id });
  });

  it("parses the limit from the query string: default 50, 1..500, whole numbers, no unknown parameters", () => {
    expect(auditQuery.parse({})).toEqual({ limit: 50 });
    expect(auditQuery.parse({ limit: "7" })).toEqual({ limit: 7 });
    for (const bad of [{ limit: "0" }, { limit: "501" }, { limit: "abc" }, { limit: "1.5" }, { limit: "" }, { other: "1" }]) {
      expect(auditQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
