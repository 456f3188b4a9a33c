import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dominantFrequency } from "@/media/rtp/tone";
import { makeMp3, makeWav, tone } from "@/server/prompts/fixtures";
import { Client, type TestServer, signupClient, startServer } from "../server";
import { uniqueEmail } from "../factories";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type Err = { error: { code: string; message: string } };
type Prompt = { id: string; name: string; originalName: string | null; durationMs: number; createdAt: string; updatedAt: string };

/** POSTs a multipart upload the way a browser's FormData does. */
async function uploadPrompt(client: Client, fields: { name?: string; file?: { bytes: Buffer; filename: string; type?: string } }) {
  const form = new FormData();
  if (fields.name !== undefined) form.set("name", fields.name);
  if (fields.file) form.set("file", new Blob([new Uint8Array(fields.file.bytes)], { type: fields.file.type ?? "audio/wav" }), fields.file.filename);
  const headers: Record<string, string> = { origin: client.baseUrl };
  if (client.cookie) headers.cookie = client.cookie;
  const res = await fetch(`${client.baseUrl}/api/v1/prompts`, { method: "POST", headers, body: form });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function agentClient(admin: Client) {
  const email = uniqueEmail("agent");
  const password = "a-long-password-1";
  const created = await admin.call("POST", "/api/v1/users", { body: { email, name: "Ada Agent", role: "agent", password } });
  if (created.status !== 201) throw new Error(`user create failed: ${created.status}`);
  const client = new Client(server.url);
  await client.call("POST", "/api/v1/sessions", { body: { email, password } });
  return client;
}

const wav = makeWav([tone(1000, 1.5, 44_100), tone(1000, 1.5, 44_100)], 44_100, "pcm16");

describe("prompts API", () => {
  it("uploads a WAV and an MP3 over multipart, lists them, serves a playable WAV, renames and deletes", async () => {
    const { client } = await signupClient(server.url);
    const created = await uploadPrompt(client, { name: " Welcome ", file: { bytes: wav, filename: "welcome.wav" } });
    expect(created.status).toBe(201);
    const p = created.body as Prompt;
    expect(p).toMatchObject({ name: "Welcome", originalName: "welcome.wav", durationMs: 1500 });
    expect(Object.keys(p).sort()).toEqual(["createdAt", "durationMs", "id", "name", "originalName", "updatedAt"]);
    const mp3 = await uploadPrompt(client, { name: "Closed", file: { bytes: makeMp3([tone(600, 1, 48_000)], 48_000), filename: "closed.mp3", type: "audio/mpeg" } });
    expect(mp3.status).toBe(201);
    expect(Math.abs((mp3.body as Prompt).durationMs - 1000)).toBeLessThanOrEqual(50);
    expect((await client.call<Prompt[]>("GET", "/api/v1/prompts")).body.map((x) => x.name)).toEqual(["Closed", "Welcome"]);
    expect((await client.call<Prompt>("GET", `/api/v1/prompts/${p.id}`)).body).toEqual(p);

    const audio = await fetch(`${server.url}/api/v1/prompts/${p.id}/audio`, { headers: { cookie: client.cookie ?? "" } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get("content-type")).toBe("audio/wav");
    const file = Buffer.from(await audio.arrayBuffer());
    expect(file.toString("ascii", 0, 4)).toBe("RIFF");
    expect(file.toString("ascii", 8, 16)).toBe("WAVEfmt ");
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect([file.readUInt16LE(20), file.readUInt16LE(22), file.readUInt32LE(24), file.readUInt16LE(34)]).toEqual([1, 1, 8000, 16]);
    expect(file.toString("ascii", 36, 40)).toBe("data");
    expect(file.readUInt32LE(40)).toBe(12_000 * 2);
    const pcm = new Int16Array(file.buffer.slice(file.byteOffset + 44, file.byteOffset + file.length));
    expect(dominantFrequency(pcm.subarray(400, -400)).hz).toBe(1000);

    const renamed = await client.call<Prompt>("PATCH", `/api/v1/prompts/${p.id}`, { body: { name: "Hello" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: p.id, name: "Hello" });
    expect((await client.call("DELETE", `/api/v1/prompts/${p.id}`)).status).toBe(204);
    expect((await client.call("GET", `/api/v1/prompts/${p.id}`)).status).toBe(404);
  });

  it("refuses bad uploads with a clear error", async () => {
    const { client } = await signupClient(server.url);
    const cases = [
      { fields: { name: "Junk", file: { bytes: Buffer.from("just some text, not audio"), filename: "notes.txt" } }, status: 422, message: "file: not a WAV or MP3 file" },
      { fields: { name: "Long", file: { bytes: makeWav([new Float32Array(6 * 60 * 8000).fill(0.1)], 8000, "ulaw"), filename: "long.wav" } }, status: 422, message: expect.stringContaining("longer than 5 minutes") },
      { fields: { name: "Empty", file: { bytes: makeWav([new Float32Array(0)], 8000, "pcm16"), filename: "empty.wav" } }, status: 422, message: expect.stringContaining("empty audio") },
      { fields: { name: "No file" }, status: 422, message: "file: is required (a WAV or MP3 file)" },
      { fields: { name: "  ", file: { bytes: wav, filename: "a.wav" } }, status: 422, message: "name: is required" },
      { fields: { name: "Huge", file: { bytes: Buffer.alloc(11 * 1024 * 1024), filename: "huge.wav" } }, status: 413, message: expect.stringContaining("larger than 10 MB") },
    ];
    for (const c of cases) {
      const res = await uploadPrompt(client, c.fields);
      expect({ status: res.status, message: (res.body as Err).error.message }, c.fields.name).toEqual({ status: c.status, message: c.message });
    }
    const json = await client.call<Err>("POST", "/api/v1/prompts", { body: { name: "x" } });
    expect(json.status).toBe(415);
    expect((await client.call<Prompt[]>("GET", "/api/v1/prompts")).body).toEqual([]);
  });

  it("answers another tenant's prompt with 404 and never its audio", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const mine = (await uploadPrompt(a.client, { name: "Private", file: { bytes: wav, filename: "p.wav" } })).body as Prompt;
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      const res = await b.client.call<Err>(method, `/api/v1/prompts/${mine.id}`, { body });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const audio = await fetch(`${server.url}/api/v1/prompts/${mine.id}/audio`, { headers: { cookie: b.client.cookie ?? "" } });
    expect(audio.status).toBe(404);
    expect(((await audio.json()) as Err).error.code).toBe("not_found");
    expect((await b.client.call<Prompt[]>("GET", "/api/v1/prompts")).body).toEqual([]);
    expect((await a.client.call<Prompt>("GET", `/api/v1/prompts/${mine.id}`)).body.name).toBe("Private");
  });

  it("lets agents list and listen but only admins upload, rename or delete", async () => {
    const { client: admin } = await signupClient(server.url);
    const p = (await uploadPrompt(admin, { name: "Hold", file: { bytes: wav, filename: "hold.wav" } })).body as Prompt;
    const agent = await agentClient(admin);
    expect((await agent.call<Prompt[]>("GET", "/api/v1/prompts")).body.map((x) => x.name)).toEqual(["Hold"]);
    expect((await fetch(`${server.url}/api/v1/prompts/${p.id}/audio`, { headers: { cookie: agent.cookie ?? "" } })).status).toBe(200);
    const upload = await uploadPrompt(agent, { name: "Mine", file: { bytes: wav, filename: "mine.wav" } });
    expect(upload.status).toBe(403);
    expect((upload.body as Err).error.code).toBe("forbidden");
    expect((await agent.call("PATCH", `/api/v1/prompts/${p.id}`, { body: { name: "x" } })).status).toBe(403);
    expect((await agent.call("DELETE", `/api/v1/prompts/${p.id}`)).status).toBe(403);
    expect((await new Client(server.url).call("GET", "/api/v1/prompts")).status).toBe(401);
  });

  it("blocks deleting a prompt a flow plays (409) and documents the routes", async () => {
    const { client } = await signupClient(server.url);
    const p = (await uploadPrompt(client, { name: "Greeting", file: { bytes: wav, filename: "g.wav" } })).body as Prompt;
    const flow = await client.call<{ id: string }>("POST", "/api/v1/flows", {
      body: { name: "Main", draft: { start: "hi", nodes: [{ id: "hi", type: "hangup", prompt: { kind: "audio", promptId: p.id } }] } },
    });
    expect(flow.status).toBe(201);
    expect((await client.call("POST", `/api/v1/flows/${flow.body.id}/publish`)).status).toBe(200);
    const blocked = await client.call<Err>("DELETE", `/api/v1/prompts/${p.id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/^The IVR flow "Main" plays this prompt/);

    const doc = (await new Client(server.url).call<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, unknown> }> }>> }>("GET", "/api/v1/openapi.json")).body;
    expect(Object.keys(doc.paths["/api/v1/prompts"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/prompts/{id}"] ?? {}).sort()).toEqual(["delete", "get", "patch"]);
    expect(Object.keys(doc.paths["/api/v1/prompts"]?.post?.requestBody?.content ?? {})).toEqual(["multipart/form-data"]);
    expect(Object.keys(doc.paths["/api/v1/prompts/{id}/audio"]?.get?.responses["200"]?.content ?? {})).toEqual(["audio/wav"]);
  });
});
