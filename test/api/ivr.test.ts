import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

type Err = { error: { code: string; message: string; details?: { problems: Array<{ nodeId: string | null; message: string }> } } };
type Flow = { id: string; name: string; problems: Array<{ nodeId: string | null; message: string }>; publishedVersion: number | null; published: unknown };
const say = (text: string) => ({ kind: "tts", text });
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));

describe("business hours API", () => {
  it("creates hours in a time zone with holidays, tells whether they are open, and refuses bad times", async () => {
    const { client } = await signupClient(server.url);
    const created = await client.call<{ id: string; openNow: boolean; holidays: unknown[] }>("POST", "/api/v1/business-hours", {
      body: { name: "Office", timeZone: "Europe/Paris", weekly: weekdays, holidays: [{ date: "2026-12-25", name: "Noël" }] },
    });
    expect(created.status).toBe(201);
    expect(typeof created.body.openNow).toBe("boolean");
    for (const body of [
      { name: "x", timeZone: "Mars/Olympus", weekly: weekdays },
      { name: "x", timeZone: "UTC", weekly: [{ day: 1, open: "17:00", close: "09:00" }] },
      { name: "x", timeZone: "UTC", weekly: [{ day: 7, open: "09:00", close: "17:00" }] },
      { name: "x", timeZone: "UTC", weekly: [{ day: 1, open: "9am", close: "17:00" }] },
      { name: "x", timeZone: "UTC", weekly: weekdays, holidays: [{ date: "2026-13-01", name: "?" }] },
    ]) {
      expect((await client.call<Err>("POST", "/api/v1/business-hours", { body })).status, JSON.stringify(body)).toBe(422);
    }
    const b = await signupClient(server.url, "b");
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      expect((await b.client.call(method, `/api/v1/business-hours/${created.body.id}`, { body })).status).toBe(404);
    }
  });
});

describe("IVR flows API", () => {
  it("saves a draft with its problems, refuses to publish it, then publishes the fixed flow as version 1 and 2", async () => {
    const { client } = await signupClient(server.url);
    const sales = await client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales" } });
    const support = await client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Support" } });
    const hours = await client.call<{ id: string }>("POST", "/api/v1/business-hours", { body: { name: "Office", timeZone: "UTC", weekly: weekdays } });
    const created = await client.call<Flow>("POST", "/api/v1/flows", { body: { name: "Main menu" } });
    expect(created.status).toBe(201);
    expect(created.body.problems).toEqual([]);

    const broken = {
      start: "menu",
      nodes: [{ id: "menu", type: "menu", prompt: say("Press 1 for sales, 2 for support"), options: [{ digit: "1", next: "sales" }, { digit: "2", next: "support" }], noInput: null }, { id: "sales", type: "queue", queueId: sales.body.id }],
    };
    const saved = await client.call<Flow>("PATCH", `/api/v1/flows/${created.body.id}`, { body: { draft: broken } });
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toEqual([{ nodeId: "menu", message: 'leads to "support", which does not exist' }]);
    const refused = await client.call<Err>("POST", `/api/v1/flows/${created.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/support/);

    const fixed = {
      start: "hours",
      nodes: [
        { id: "hours", type: "hours", hoursId: hours.body.id, open: "menu", closed: "closed" },
        ...broken.nodes,
        { id: "support", type: "queue", queueId: support.body.id },
        { id: "closed", type: "hangup", prompt: say("We are closed") },
      ],
    };
    await client.call("PATCH", `/api/v1/flows/${created.body.id}`, { body: { draft: fixed } });
    const v1 = await client.call<Flow>("POST", `/api/v1/flows/${created.body.id}/publish`);
    expect(v1.body).toMatchObject({ publishedVersion: 1, published: fixed });
    const v2 = await client.call<Flow>("POST", `/api/v1/flows/${created.body.id}/publish`);
    expect(v2.body.publishedVersion).toBe(2);
    const versions = await client.call<Array<{ version: number }>>("GET", `/api/v1/flows/${created.body.id}/versions`);
    expect(versions.body.map((v) => v.version)).toEqual([2, 1]);

    // A number may route to it; the flow cannot be deleted while one does.
    const number = `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    const routed = await client.call("POST", "/api/v1/numbers", { body: { number, destination: { type: "flow", id: created.body.id } } });
    expect(routed.status).toBe(201);
    expect((await client.call<Err>("DELETE", `/api/v1/flows/${created.body.id}`)).status).toBe(409);
  });

  it("refuses malformed definitions and another tenant's queues, and hides flows across tenants", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await a.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Theirs" } });
    const flow = await b.client.call<Flow>("POST", "/api/v1/flows", { body: { name: "F" } });
    for (const draft of [{ start: "a", nodes: [] }, { start: "a", nodes: [{ id: "a", type: "teleport" }] }, { start: "a", nodes: [{ id: "a", type: "menu", prompt: say("x"), options: [{ digit: "x", next: "a" }], noInput: null }] }]) {
      expect((await b.client.call("PATCH", `/api/v1/flows/${flow.body.id}`, { body: { draft } })).status, JSON.stringify(draft)).toBe(422);
    }
    const stolen = await b.client.call<Flow>("PATCH", `/api/v1/flows/${flow.body.id}`, { body: { draft: { start: "q", nodes: [{ id: "q", type: "queue", queueId: theirs.body.id }] } } });
    expect(stolen.body.problems).toEqual([{ nodeId: "q", message: "sends calls to a queue that does not exist" }]);
    expect((await b.client.call("POST", `/api/v1/flows/${flow.body.id}/publish`)).status).toBe(422);
    for (const [method, path] of [["GET", ""], ["PATCH", ""], ["DELETE", ""], ["POST", "/publish"], ["GET", "/versions"]] as const) {
      expect((await a.client.call(method, `/api/v1/flows/${flow.body.id}${path}`, { body: method === "PATCH" ? { name: "x" } : undefined })).status).toBe(404);
    }
  });
});
