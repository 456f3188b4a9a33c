import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, prompts } from "@/db/schema";
import { decodeG711 } from "@/media/rtp/g711";
import { dominantFrequency } from "@/media/rtp/tone";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant, unique } from "@/test/factories";
import type { Ctx, Deps } from "../../context";
import { makeWav, tone } from "../../prompts/fixtures";
import * as flows from "../flows";
import { flowCreate } from "../flows/schemas";
import { audio, get, list, loadUlaw, remove, rename, upload } from ".";

const wav = (hz = 1000, seconds = 1) => makeWav([tone(hz, seconds, 16_000)], 16_000, "pcm16");
const add = (ctx: Ctx, name = unique("prompt"), bytes = wav()) => upload({ ctx, input: { name, originalName: "welcome.wav", bytes } });
const flowPlaying = (ctx: Ctx, promptId: string) =>
  flows.create({
    ctx,
    input: flowCreate.parse({
      name: unique("flow"),
      draft: { start: "hi", nodes: [{ id: "hi", type: "hangup", prompt: { kind: "audio", promptId } }] },
    }),
  });
const sayGoodbye = { start: "bye", nodes: [{ id: "bye", type: "hangup" as const, prompt: { kind: "tts" as const, text: "Goodbye" } }] };

describe.each(testDrivers)("prompts on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ db, deps } = opened));

  it("uploads a WAV as 8 kHz mu-law, shows it without its audio, lists, renames, and audits", async () => {
    const { ctx } = await makeTenant(deps);
    const p = await add(ctx, "Welcome");
    expect(p).toEqual({ id: expect.any(String), name: "Welcome", originalName: "welcome.wav", durationMs: 1000, createdAt: expect.any(String), updatedAt: expect.any(String) });
    const [row] = await db.db.select().from(prompts).where(eq(prompts.id, p.id));
    expect(row?.ulaw.length).toBe(8000);
    expect(dominantFrequency(decodeG711("pcmu", row?.ulaw ?? Buffer.alloc(0))).hz).toBe(1000);
    await add(ctx, "Closed");
    expect((await list({ ctx })).map((x) => x.name)).toEqual(["Closed", "Welcome"]);
    expect(await get({ ctx, input: { id: p.id } })).toEqual(p);
    const renamed = await rename({ ctx, input: { id: p.id, patch: { name: "Hello" } } });
    expect(renamed).toMatchObject({ id: p.id, name: "Hello", durationMs: 1000 });
    await expect(rename({ ctx, input: { id: p.id, patch: { name: "Closed" } } })).rejects.toMatchObject({ code: "conflict" });
    await expect(add(ctx, "Closed")).rejects.toMatchObject({ code: "conflict", message: 'A prompt named "Closed" already exists' });
    const actions = (await db.db.select().from(auditLog).where(eq(auditLog.tenantId, ctx.tenantId))).map((a) => a.action).filter((a) => a.startsWith("prompt."));
    expect(actions.sort()).toEqual(["prompt.create", "prompt.create", "prompt.update"]);
  });

  it("refuses files that are not audio, or too long, with the reason and stores nothing", async () => {
    const { ctx } = await makeTenant(deps);
    await expect(add(ctx, "Junk", Buffer.from("hello, this is not audio at all"))).rejects.toMatchObject({ code: "validation_failed", message: "file: not a WAV or MP3 file" });
    const long = makeWav([new Float32Array(6 * 60 * 8000).fill(0.2)], 8000, "ulaw");
    await expect(add(ctx, "Long", long)).rejects.toMatchObject({ code: "validation_failed", message: expect.stringContaining("longer than 5 minutes") });
    await expect(add(ctx, "Big", Buffer.alloc(10 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: "payload_too_large" });
    expect(await list({ ctx })).toEqual([]);
  });

  it("serves the audio as a WAV and the mu-law to calls, for its own tenant only", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const p = await add(a.ctx, "Mine", wav(700));
    const file = await audio({ ctx: a.ctx, input: { id: p.id } });
    expect(file.wav.toString("ascii", 0, 4)).toBe("RIFF");
    expect(file.wav.readUInt16LE(20)).toBe(1); // PCM
    expect(file.wav.readUInt32LE(24)).toBe(8000);
    expect(file.wav.readUInt32LE(40)).toBe(16_000);
    expect((await loadUlaw({ ctx: a.ctx, input: { id: p.id } })).length).toBe(8000);
    for (const attempt of [
      () => get({ ctx: b.ctx, input: { id: p.id } }),
      () => rename({ ctx: b.ctx, input: { id: p.id, patch: { name: "Stolen" } } }),
      () => remove({ ctx: b.ctx, input: { id: p.id } }),
      () => audio({ ctx: b.ctx, input: { id: p.id } }),
      () => loadUlaw({ ctx: b.ctx, input: { id: p.id } }),
      () => get({ ctx: a.ctx, input: { id: randomUUID() } }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found", message: "Prompt not found" });
    }
    expect(await list({ ctx: b.ctx })).toEqual([]);
    expect((await get({ ctx: a.ctx, input: { id: p.id } })).name).toBe("Mine");
  });

  it("refuses to delete a prompt a flow's draft or published version plays, and deletes it once none does", async () => {
    const { ctx } = await makeTenant(deps);
    const p = await add(ctx, "Greeting");
    const flow = await flowPlaying(ctx, p.id);
    await expect(remove({ ctx, input: { id: p.id } })).rejects.toMatchObject({ code: "conflict", message: `The IVR flow "${flow.name}" plays this prompt in its draft: choose another prompt there first` });
    await flows.publish({ ctx, input: { id: flow.id } });
    await flows.update({ ctx, input: { id: flow.id, patch: { draft: sayGoodbye } } });
    await expect(remove({ ctx, input: { id: p.id } })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("in its published version") });
    await flows.publish({ ctx, input: { id: flow.id } });
    await remove({ ctx, input: { id: p.id } });
    expect(await list({ ctx })).toEqual([]);
    const [audited] = await db.db.select().from(auditLog).where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, "prompt.delete")));
    expect(audited).toMatchObject({ entityId: p.id, data: { name: "Greeting" } });
  });

  it("publishes a flow only when its recorded prompts are the tenant's own", async () => {
    const a = await makeTenant(deps, "a");
    const b = await makeTenant(deps, "b");
    const theirs = await add(b.ctx);
    const flow = await flowPlaying(a.ctx, theirs.id);
    expect(flow.problems).toEqual([{ nodeId: "hi", message: "plays a recorded prompt that does not exist" }]);
    await expect(flows.publish({ ctx: a.ctx, input: { id: flow.id } })).rejects.toMatchObject({
      code: "validation_failed",
      message: "The flow has 1 problem(s): hi plays a recorded prompt that does not exist",
    });
    const mine = await add(a.ctx);
    const fixed = await flows.update({ ctx: a.ctx, input: { id: flow.id, patch: { draft: { start: "hi", nodes: [{ id: "hi", type: "hangup", prompt: { kind: "audio", promptId: mine.id } }] } } } });
    expect(fixed.problems).toEqual([]);
    expect((await flows.publish({ ctx: a.ctx, input: { id: flow.id } })).publishedVersion).toBe(1);
  });
});
