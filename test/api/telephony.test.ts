import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

type Trunk = { id: string; name: string; inboundAuth: { username: string } | null; outbound: { hasPassword: boolean; username: string | null } | null; health: { status: string } };
type Num = { id: string; number: string; destination: { type: string; id: string; name: string } };
type Err = { error: { code: string; message: string } };
const uniqueNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

describe("trunks API", () => {
  it("creates a trunk with sealed passwords that are never returned, updates and deletes it", async () => {
    const { client } = await signupClient(server.url);
    const body = {
      name: "Carrier",
      inboundAddresses: ["127.0.0.1", "10.0.0.0/8"],
      inboundAuth: { username: "in", password: "in-secret-1" },
      outbound: { host: "127.0.0.1", port: 5090, username: "out", password: "out-secret-1", callerId: "+14155550100" },
    };
    const created = await client.call<Trunk>("POST", "/api/v1/trunks", { body });
    expect(created.status).toBe(201);
    expect(created.body.inboundAuth).toEqual({ username: "in" });
    expect(created.body.outbound).toMatchObject({ username: "out", hasPassword: true, transport: "udp" });
    expect(created.body.health.status).toBe("unknown");
    expect(JSON.stringify(created.body)).not.toContain("secret");
    const patched = await client.call<Trunk>("PATCH", `/api/v1/trunks/${created.body.id}`, {
      body: { outbound: { host: "127.0.0.1", callerId: "+14155550101", username: "out" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.outbound?.hasPassword).toBe(true); // left out = kept
    const audit = await client.call<Array<{ action: string; data: unknown }>>("GET", "/api/v1/audit-log");
    expect(JSON.stringify(audit.body)).not.toContain("secret");
    expect((await client.call("DELETE", `/api/v1/trunks/${created.body.id}`)).status).toBe(204);
    expect((await client.call("GET", `/api/v1/trunks/${created.body.id}`)).status).toBe(404);
  });

  it("refuses bad addresses, hosts and empty trunks and writes nothing", async () => {
    const { client } = await signupClient(server.url);
    for (const body of [
      { name: "x", inboundAddresses: ["999.1.1.1"] },
      { name: "x", inboundAddresses: ["10.0.0.0/33"] },
      { name: "x", inboundAddresses: ["not an ip"] },
      { name: "x" },
      { name: "x", outbound: { host: "bad host!", callerId: "+14155550100" } },
      { name: "x", outbound: { host: "127.0.0.1", callerId: "0800" } },
    ]) {
      const res = await client.call<Err>("POST", "/api/v1/trunks", { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await client.call<unknown[]>("GET", "/api/v1/trunks")).body).toEqual([]);
  });

  it("answers another tenant's trunk with 404 and agents with 403", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const trunk = await a.client.call<Trunk>("POST", "/api/v1/trunks", { body: { name: "Mine", inboundAddresses: ["127.0.0.1"] } });
    for (const [method, body] of [["GET"], ["PATCH", { name: "Stolen" }], ["DELETE"]] as const) {
      expect((await b.client.call(method, `/api/v1/trunks/${trunk.body.id}`, { body })).status).toBe(404);
    }
    expect((await b.client.call<unknown[]>("GET", "/api/v1/trunks")).body).toEqual([]);
    expect((await a.client.call<Trunk>("GET", `/api/v1/trunks/${trunk.body.id}`)).body.name).toBe("Mine");
  });
});

describe("numbers API", () => {
  it("routes a number to a queue, changes it to a user, and deletes it", async () => {
    const { client, userId } = await signupClient(server.url);
    const queue = await client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Sales" } });
    const number = uniqueNumber();
    const created = await client.call<Num>("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: queue.body.id } } });
    expect(created.status).toBe(201);
    expect(created.body.destination).toEqual({ type: "queue", id: queue.body.id, name: "Sales" });
    const dup = await client.call<Err>("POST", "/api/v1/numbers", { body: { number, destination: { type: "queue", id: queue.body.id } } });
    expect(dup.status).toBe(409);
    const moved = await client.call<Num>("PATCH", `/api/v1/numbers/${created.body.id}`, { body: { destination: { type: "user", id: userId } } });
    expect(moved.body.destination.type).toBe("user");
    expect((await client.call("DELETE", `/api/v1/numbers/${created.body.id}`)).status).toBe(204);
    expect((await client.call<unknown[]>("GET", "/api/v1/numbers")).body).toEqual([]);
  });

  it("refuses a destination of another tenant, bad E.164 and flows that do not exist", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const theirs = await a.client.call<{ id: string }>("POST", "/api/v1/queues", { body: { name: "Theirs" } });
    for (const body of [
      { number: uniqueNumber(), destination: { type: "queue", id: theirs.body.id } },
      { number: "4155550100", destination: { type: "queue", id: theirs.body.id } },
      { number: uniqueNumber(), destination: { type: "flow", id: theirs.body.id } },
      { number: uniqueNumber(), destination: { type: "pbx", id: theirs.body.id } },
    ]) {
      const res = await b.client.call<Err>("POST", "/api/v1/numbers", { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    const mine = await a.client.call<Num>("POST", "/api/v1/numbers", { body: { number: uniqueNumber(), destination: { type: "queue", id: theirs.body.id } } });
    for (const [method, body] of [["GET"], ["PATCH", { destination: { type: "queue", id: theirs.body.id } }], ["DELETE"]] as const) {
      expect((await b.client.call(method, `/api/v1/numbers/${mine.body.id}`, { body })).status).toBe(404);
    }
    expect((await b.client.call<unknown[]>("GET", "/api/v1/numbers")).body).toEqual([]);
  });
});
