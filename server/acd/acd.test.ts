import { describe, expect, it } from "vitest";
import { pickAgent } from "./pick-agent";
import { planOffers } from "./plan-offers";
import type { AgentSnapshot, QueueSnapshot, WaitingCall } from "./types";

const agent = (userId: string, idleSince: number, skills: Record<string, number> = {}, state: AgentSnapshot["state"] = "available"): AgentSnapshot => ({
  userId,
  idleSince,
  state,
  skills: new Map(Object.entries(skills)),
});
const queue = (over: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  id: "q1",
  strategy: "longest-idle",
  priority: 0,
  members: new Set(["a", "b", "c"]),
  requiredSkills: [],
  roundRobinAfter: null,
  ...over,
});
const call = (over: Partial<WaitingCall> = {}): WaitingCall => ({
  callId: "c1",
  queueId: "q1",
  enqueuedAt: 0,
  priority: 0,
  preferredAgentId: null,
  excludedAgentIds: new Set(),
  ...over,
});

describe("pickAgent", () => {
  const agents = [agent("a", 300), agent("b", 100), agent("c", 200)];

  it("longest idle: the agent free the longest", () => {
    expect(pickAgent(call(), queue(), agents)).toEqual({ userId: "b", reason: "longest-idle" });
  });

  it("round robin continues after the last agent offered, wrapping around", () => {
    expect(pickAgent(call(), queue({ strategy: "round-robin", roundRobinAfter: "a" }), agents)?.userId).toBe("b");
    expect(pickAgent(call(), queue({ strategy: "round-robin", roundRobinAfter: "c" }), agents)?.userId).toBe("a");
  });

  it("skills weighted: the highest sum of required skill levels, then longest idle", () => {
    const q = queue({ strategy: "skills-weighted", members: new Set(), requiredSkills: [{ skillId: "es", minLevel: 3 }] });
    const pool = [agent("a", 100, { es: 5 }), agent("b", 50, { es: 9 }), agent("c", 10, { es: 2 })];
    expect(pickAgent(call(), q, pool)?.userId).toBe("b");
  });

  it("only available members with the required skills, never one who declined", () => {
    const q = queue({ requiredSkills: [{ skillId: "billing", minLevel: 5 }] });
    const pool = [agent("a", 1, { billing: 4 }), agent("b", 2, { billing: 6 }, "break"), agent("c", 3, { billing: 7 }), agent("x", 0, { billing: 10 })];
    expect(pickAgent(call(), q, pool)?.userId).toBe("c");
    expect(pickAgent(call({ excludedAgentIds: new Set(["c"]) }), q, pool)).toBeNull();
  });

  it("sticky routing offers the caller's last agent first when eligible", () => {
    expect(pickAgent(call({ preferredAgentId: "a" }), queue(), agents)).toEqual({ userId: "a", reason: "sticky" });
    expect(pickAgent(call({ preferredAgentId: "zzz" }), queue(), agents)?.userId).toBe("b");
  });

  it("a queue with neither members nor skills routes to nobody", () => {
    expect(pickAgent(call(), queue({ members: new Set() }), agents)).toBeNull();
  });
});

describe("planOffers", () => {
  it("gives each agent one offer and each call one agent, highest priority then longest wait first", () => {
    const queues = new Map([
      ["q1", queue()],
      ["vip", queue({ id: "vip", priority: 10 })],
    ]);
    const calls = [
      call({ callId: "old", enqueuedAt: 1 }),
      call({ callId: "new", enqueuedAt: 5 }),
      call({ callId: "vip", queueId: "vip", enqueuedAt: 9 }),
      call({ callId: "late", enqueuedAt: 10 }),
    ];
    const plan = planOffers(calls, queues, [agent("a", 30), agent("b", 10), agent("c", 20)]);
    expect(plan.map((p) => [p.callId, p.userId])).toEqual([
      ["vip", "b"],
      ["old", "c"],
      ["new", "a"],
    ]);
  });
});

describe("calls for one person", () => {
  it("offers a direct call only to its target, even one who missed it before", () => {
    const direct = call({ targetAgentId: "b", excludedAgentIds: new Set(["b"]) });
    expect(pickAgent(direct, queue(), [agent("a", 0), agent("b", 5)])?.userId).toBe("b");
    expect(pickAgent(direct, queue(), [agent("a", 0), agent("b", 5, {}, "break")])).toBeNull();
  });
});
