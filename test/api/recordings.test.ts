import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sine } from "@/media/rtp/tone";
import { WavWriter } from "@/media/rtp/wav";
import { systemCtx } from "@/server/context";
import * as calls from "@/server/services/calls";
import * as recordings from "@/server/services/recordings";
import { recordingPaths } from "@/server/services/recordings/internal";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

/** A tenant with an ended call whose stereo recording (1 kHz left, 440 Hz right) was stored. */
async function recordedCall() {
  const t = await signupClient(server.url);
  const deps = server.app.deps;
  const ctx = systemCtx(deps, t.tenantId);
  const trunk = await t.client.call<{ id: string }>("POST", "/api/v1/trunks", { body: { name: "T", inboundAddresses: ["127.0.0.1"] } });
  const call = await calls.startInbound({ ctx, input: { fromNumber: "+14155550123", toNumber: "+14155550100", trunkId: trunk.body.id, sipCallId: "r", source: "test" } });
  const paths = recordingPaths(deps, t.tenantId, call.id);
  const wav = new WavWriter(paths.plain, 2, 8000);
  const left = sine(1000, 1000);
  const right = sine(440, 1000);
  const frames = new Int16Array(16000);
  for (let i = 0; i < 8000; i++) {
    frames[2 * i] = left[i] ?? 0;
    frames[2 * i + 1] = right[i] ?? 0;
  }
  wav.write(frames);
  wav.close();
  const original = readFileSync(paths.plain);
  await calls.end({ ctx, input: { callId: call.id, reason: "caller_hangup" } });
  await recordings.store({ ctx, input: { callId: call.id, durationMs: 1000 } });
  return { ...t, callId: call.id, original, paths };
}

describe("recordings", () => {
  it("stores the recording sealed, removes the plain file, and plays it back decrypted", async () => {
    const r = await recordedCall();
    expect(existsSync(r.paths.plain)).toBe(false);
    expect(readFileSync(r.paths.sealed).includes(r.original.subarray(44, 200))).toBe(false);
    const res = await fetch(`${server.url}/api/v1/calls/${r.callId}/recording`, { headers: { cookie: r.client.cookie ?? "" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/wav");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(r.original);
    const record = await r.client.call<{ recording: { available: boolean } }>("GET", `/api/v1/calls/${r.callId}`);
    expect(record.body.recording.available).toBe(true);
  });

  it("serves byte ranges so a player can seek: 206 with the range, 416 past the end", async () => {
    const r = await recordedCall();
    const get = (range: string) => fetch(`${server.url}/api/v1/calls/${r.callId}/recording`, { headers: { cookie: r.client.cookie ?? "", range } });
    const size = r.original.length;
    const mid = await get("bytes=20000-20999");
    expect(mid.status).toBe(206);
    expect(mid.headers.get("content-range")).toBe(`bytes 20000-20999/${size}`);
    expect(Buffer.from(await mid.arrayBuffer())).toEqual(r.original.subarray(20000, 21000));
    const tail = await get("bytes=-44");
    expect([tail.status, tail.headers.get("content-range")]).toEqual([206, `bytes ${size - 44}-${size - 1}/${size}`]);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(r.original.subarray(size - 44));
    const past = await get(`bytes=${size}-`);
    expect([past.status, past.headers.get("content-range")]).toEqual([416, `bytes */${size}`]);
    // Several ranges at once are not served as a multipart body: the whole file comes back.
    const several = await get("bytes=0-1,5-6");
    expect(several.status).toBe(200);
    expect(Buffer.from(await several.arrayBuffer())).toEqual(r.original);
  });

  it("answers another tenant with 404 and never a byte", async () => {
    const r = await recordedCall();
    const other = await signupClient(server.url, "other");
    const res = await fetch(`${server.url}/api/v1/calls/${r.callId}/recording`, { headers: { cookie: other.client.cookie ?? "", range: "bytes=0-99" } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("deletes recordings past the tenant's retention, and lets admins change it", async () => {
    const r = await recordedCall();
    const changed = await r.client.call<{ recordingRetentionDays: number }>("PATCH", "/api/v1/settings", { body: { recordingRetentionDays: 30 } });
    expect(changed.body.recordingRetentionDays).toBe(30);
    expect((await r.client.call("PATCH", "/api/v1/settings", { body: { recordingRetentionDays: 0 } })).status).toBe(422);
    const deps = { ...server.app.deps, now: () => new Date(Date.now() + 31 * 86_400_000) };
    expect(await recordings.purgeExpired(deps)).toBeGreaterThanOrEqual(1);
    expect(existsSync(r.paths.sealed)).toBe(false);
    const res = await fetch(`${server.url}/api/v1/calls/${r.callId}/recording`, { headers: { cookie: r.client.cookie ?? "" } });
    expect(res.status).toBe(404);
  });
});
