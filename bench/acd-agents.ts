// bench:acd's agents, in a process of their own (forked by bench/acd.ts): one Socket.IO client
// per agent, as a browser tab would hold. Each sets itself Available, notes every offer (the
// queue-entry -> offer latency) and, once its call is over (agent:state after_call_work), wraps
// up over REST. The agents do not answer here: their desk phone (a SIPp UAS) does.
import { readFileSync } from "node:fs";
import { io, type Socket } from "socket.io-client";

interface Setup {
  url: string;
  agents: Array<{ userId: string; token: string }>;
}
type Ack = { data?: unknown; error?: { message: string } };

const setup = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as Setup;
const { url } = setup;
const latencies: number[] = [];
const stats = { offered: 0, answered: 0, wrappedUp: 0, wrapUpErrors: 0, offerEnded: {} as Record<string, number> };
const sockets: Socket[] = [];
const send = (msg: unknown) => process.send?.(msg);

async function agent(userId: string, token: string): Promise<Socket> {
  const cookie = `hl_session=${token}`;
  const s = io(url, { transports: ["websocket"], extraHeaders: { cookie, origin: url }, reconnection: true });
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  s.on("call:offered", (offer: { enqueuedAt: string | null }) => {
    stats.offered++;
    if (offer.enqueuedAt) latencies.push(Date.now() - Date.parse(offer.enqueuedAt));
  });
  s.on("call:offer-ended", (e: { result: string }) => {
    stats.offerEnded[e.result] = (stats.offerEnded[e.result] ?? 0) + 1;
  });
  s.on("agent:state", (a: { userId: string; state: string; callId: string | null }) => {
    if (a.userId !== userId) return;
    if (a.state === "in_call") stats.answered++;
    if (a.state !== "after_call_work" || !a.callId) return;
    fetch(`${url}/api/v1/calls/${a.callId}/wrap-up`, {
      method: "POST",
      headers: { cookie, origin: url, "content-type": "application/json" },
      body: JSON.stringify({ notes: "bench" }),
    }).then(
      (r) => (r.ok ? stats.wrappedUp++ : stats.wrapUpErrors++),
      () => stats.wrapUpErrors++,
    );
  });
  const r = (await s.timeout(30_000).emitWithAck("agent:set-state", { state: "available" })) as Ack;
  if (r.error) throw new Error(r.error.message);
  return s;
}

process.on("message", (msg: { type: string }) => {
  if (msg.type === "report") send({ type: "report", stats, latencies });
  if (msg.type === "close") {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});

const t0 = Date.now();
for (let i = 0; i < setup.agents.length; i += 50) {
  sockets.push(...(await Promise.all(setup.agents.slice(i, i + 50).map((a) => agent(a.userId, a.token)))));
}
send({ type: "ready", agents: sockets.length, seconds: (Date.now() - t0) / 1000 });
