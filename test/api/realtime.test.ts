import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

/** Each socket's connection outcome, listened for from the start (a second socket may connect first). */
const outcomes = new WeakMap<Socket, Promise<string>>();

function open(cookie: string | null, origin?: string, url = server.url): Socket {
  const socket = connect(url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
  });
  outcomes.set(
    socket,
    new Promise<string>((resolve) => {
      socket.on("connect", () => resolve("connected"));
      socket.on("connect_error", (e) => resolve(`error: ${e.message}`));
    }),
  );
  return socket;
}

const outcome = (socket: Socket) => outcomes.get(socket) ?? Promise.reject(new Error("not opened with open()"));

describe("Socket.IO", () => {
  it("accepts a session cookie, and answers session:whoami with the user and tenant", async () => {
    const { client, email, tenantId } = await signupClient(server.url);
    const socket = open(client.cookie, server.url);
    try {
      expect(await outcome(socket)).toBe("connected");
      const reply = await socket.timeout(5000).emitWithAck("session:whoami");
      expect(reply).toMatchObject({ data: { user: { email }, tenant: { id: tenantId } } });
    } finally {
      socket.close();
    }
  });

  it("refuses a connection without a valid session", async () => {
    const none = open(null);
    const forged = open("hl_session=forged-token");
    try {
      expect(await outcome(none)).toBe("error: unauthenticated");
      expect(await outcome(forged)).toBe("error: unauthenticated");
    } finally {
      none.close();
      forged.close();
    }
  });

  it("refuses another site's page carrying the cookie", async () => {
    const { client } = await signupClient(server.url);
    const socket = open(client.cookie, "http://evil.example");
    try {
      expect(await outcome(socket)).toMatch(/^error:/);
    } finally {
      socket.close();
    }
  });
});

function nextEvent(socket: Socket, event: string, ms = 3000) {
  return new Promise<unknown>((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once(event, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe("tenant events", () => {
  it("tells the tenant's browsers about committed admin changes, and only them", async () => {
    const a = await signupClient(server.url, "a");
    const b = await signupClient(server.url, "b");
    const sa = open(a.client.cookie, server.url);
    const sb = open(b.client.cookie, server.url);
    try {
      expect(await outcome(sa)).toBe("connected");
      expect(await outcome(sb)).toBe("connected");
      const seenByA = nextEvent(sa, "audit:created");
      const seenByB = nextEvent(sb, "audit:created", 1000);
      const skill = await a.client.call<{ id: string }>("POST", "/api/v1/skills", { body: { name: "Billing" } });
      expect(await seenByA).toMatchObject({ action: "skill.create", entityId: skill.body.id });
      expect(await seenByB).toBeNull();
      // A refused change (duplicate name) is rolled back and announces nothing.
      const none = nextEvent(sa, "audit:created", 1000);
      expect((await a.client.call("POST", "/api/v1/skills", { body: { name: "Billing" } })).status).toBe(409);
      expect(await none).toBeNull();
    } finally {
      sa.close();
      sb.close();
    }
  });
});

const sharedDb = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
describe.runIf(sharedDb && redisUrl)("two nodes sharing PostgreSQL and Redis", () => {
  it("an event raised on one node reaches a browser connected to the other", async () => {
    const env = { APP_SECRET: randomBytes(32).toString("hex"), REDIS_URL: redisUrl as string };
    const nodeA = await startServer(env);
    const nodeB = await startServer(env); // route handlers now run with node B's deps
    try {
      const admin = await signupClient(nodeB.url);
      const socket = open(admin.client.cookie, nodeA.url, nodeA.url);
      try {
        expect(await outcome(socket)).toBe("connected");
        const seen = nextEvent(socket, "audit:created");
        await admin.client.call("POST", "/api/v1/skills", { body: { name: "Across nodes" } });
        expect(await seen).toMatchObject({ action: "skill.create" });
      } finally {
        socket.close();
      }
    } finally {
      await nodeB.close();
      await nodeA.close();
    }
  });
});
