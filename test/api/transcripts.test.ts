import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/server/context";
import * as calls from "@/server/services/calls";
import * as recordings from "@/server/services/recordings";
import { recordingPaths } from "@/server/services/recordings/internal";
import { pocketsphinx } from "@/server/transcription/pocketsphinx";
import { phoneSpeech } from "@/server/transcription/speech-fixtures";
import { startTranscription } from "@/server/transcription/worker";
import { WavWriter } from "@/media/rtp/wav";
import { makeQueuedCall } from "../factories";
import { type TestServer, memberClient, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type ErrorBody = { error: { code: string; message: string } };
type Transcript = { status: string; provider: string | null; segments: Array<{ speaker: string; text: string; startMs: number }>; attempts: number };

describe("call transcripts over HTTP", () => {
  it("an admin turns transcription on; a recorded call's transcript is made by the server and read by members only in their tenant", async () => {
    const admin = await signupClient(server.url);
    const tenantId = admin.tenantId;
    const al = await memberClient(server, tenantId, "Al", "agent");
    const sup = await memberClient(server, tenantId, "Sue", "supervisor");
    const deps = server.app.deps;

    // This server was started without an engine: the switch cannot be turned on, and says why.
    const refused = await admin.client.call<ErrorBody>("PATCH", "/api/v1/settings", { body: { transcriptionEnabled: true } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/no speech-to-text engine|no speech-to-text provider/);
    // Now with the local engine, its loop working on this tenant's calls only (the database is shared).
    deps.speechToText = pocketsphinx({ niceness: 0 });
    const loop = startTranscription(deps, deps.speechToText, { only: { tenantId }, intervalMs: 500 });
    deps.kickTranscription = loop.kick;
    try {
      expect((await sup.client.call<ErrorBody>("PATCH", "/api/v1/settings", { body: { transcriptionEnabled: true } })).status).toBe(403);
      const on = await admin.client.call<{ transcriptionEnabled: boolean; transcriptionProvider: string }>("PATCH", "/api/v1/settings", { body: { transcriptionEnabled: true } });
      expect(on.body).toMatchObject({ transcriptionEnabled: true, transcriptionProvider: "pocketsphinx" });
      const invalid = await admin.client.call<ErrorBody>("PATCH", "/api/v1/settings", { body: { transcriptionEnabled: "yes" } });
      expect(invalid.status).toBe(422);

      // A call ends and its recording is stored (the caller says "go forward ten meters").
      const queue = await admin.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support" } });
      const sys: Ctx = { deps, tenantId, actor: { kind: "system", role: "admin" } };
      const call = await makeQueuedCall(sys, queue.body.id);
      expect((await sup.client.call<ErrorBody>("POST", `/api/v1/calls/${call.id}/transcript`)).body.error).toMatchObject({ code: "conflict", message: expect.stringMatching(/no recording/) });
      await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });
      const speech = phoneSpeech("goForward");
      const w = new WavWriter(recordingPaths(deps, tenantId, call.id).plain, 2, 8000);
      w.write(Int16Array.from({ length: speech.length * 2 }, (_, i) => (i % 2 === 0 ? (speech[i / 2] as number) : 0)));
      w.close();
      await recordings.store({ ctx: sys, input: { callId: call.id, durationMs: (speech.length / 8000) * 1000 } });

      let t = await al.client.call<Transcript>("GET", `/api/v1/calls/${call.id}/transcript`);
      for (let i = 0; i < 240 && t.body.status !== "done"; i++) {
        await new Promise((r) => setTimeout(r, 500));
        t = await al.client.call<Transcript>("GET", `/api/v1/calls/${call.id}/transcript`);
      }
      expect(t.status).toBe(200);
      expect(t.body).toMatchObject({ status: "done", provider: "pocketsphinx", attempts: 1, segments: [{ speaker: "caller", text: "go forward ten meters" }] });

      // Agents read it but cannot ask for it again; supervisors can.
      expect((await al.client.call<ErrorBody>("POST", `/api/v1/calls/${call.id}/transcript`)).status).toBe(403);
      const again = await sup.client.call<Transcript>("POST", `/api/v1/calls/${call.id}/transcript`);
      expect([again.status, again.body.status === "queued" || again.body.status === "running" || again.body.status === "done"]).toEqual([202, true]);

      // Another tenant: not found, never data.
      const other = await signupClient(server.url, "other");
      for (const [method, expected] of [["GET", 404], ["POST", 404]] as const) {
        const r = await other.client.call<ErrorBody>(method, `/api/v1/calls/${call.id}/transcript`);
        expect([r.status, r.body.error.code, JSON.stringify(r.body).includes("forward")]).toEqual([expected, "not_found", false]);
      }
      expect((await admin.client.call<ErrorBody>("GET", "/api/v1/calls/not-a-uuid/transcript")).status).toBe(404);
    } finally {
      await loop.close();
      deps.speechToText = null;
      deps.kickTranscription = undefined;
    }
  }, 180_000);

  it("is in the OpenAPI document", async () => {
    const doc = await fetch(`${server.url}/api/v1/openapi.json`).then((r) => r.json() as Promise<{ paths: Record<string, Record<string, unknown>> }>);
    expect(Object.keys(doc.paths["/api/v1/calls/{id}/transcript"] ?? {}).sort()).toEqual(["get", "post"]);
  });
});
