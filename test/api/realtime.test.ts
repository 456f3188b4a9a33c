import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, signupClient, startServer } from "../server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

function open(cookie: string | null, origin?: string): Socket {
  return connect(server.url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
  });
}

const outcome = (socket: Socket) =>
  new Promise<string>((resolve) => {
    socket.on("connect", () => resolve("connected"));
    socket.on("connect_error", (e) => resolve(`error: ${e.message}`));
  });

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
