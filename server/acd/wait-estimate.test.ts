import { describe, expect, it } from "vitest";
import { planOffers } from "./plan-offers";
import type { AgentSnapshot, AgentState, QueueSnapshot } from "./types";
import {
  DEFAULT_HANDLE_SEC,
  announcementDue,
  announcementText,
  averageHandleSec,
  estimatedWaitSec,
  loggedInAgents,
  queuePositions,
} from "./wait-estimate";

const queue = (id: string, extra: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  id,
  strategy: "longest-idle",
  priority: 0,
  members: new Set(),
  requiredSkills: [],
  roundRobinAfter: null,
  ...extra,
});
const agent = (userId: string, state: AgentState, skills: Record<string, number> = {}): AgentSnapshot => ({
  userId,
  state,
  idleSince: 0,
  skills: new Map(Object.entries(skills)),
});

describe("queue positions", () => {
  it("numbers each queue's calls by priority (VIP first), then by time entered", () => {
    const positions = queuePositions([
      { callId: "a", queueId: "q1", enqueuedAt: 1000, priority: 0 },
      { callId: "b", queueId: "q1", enqueuedAt: 3000, priority: 10 },
      { callId: "c", queueId: "q1", enqueuedAt: 2000, priority: 0 },
      { callId: "d", queueId: "q2", enqueuedAt: 5000, priority: 0 },
      { callId: "e", queueId: "q2", enqueuedAt: 4000, priority: 0 },
    ]);
    expect(Object.fromEntries(positions)).toEqual({ b: 1, a: 2, c: 3, e: 1, d: 2 });
  });

  it("matches the order in which the ACD offers one queue's calls", () => {
    const calls = [
      { callId: "x", queueId: "q", enqueuedAt: 10, priority: 0 },
      { callId: "y", queueId: "q", enqueuedAt: 5, priority: 0 },
      { callId: "z", queueId: "q", enqueuedAt: 20, priority: 10 },
      { callId: "w", queueId: "q", enqueuedAt: 5, priority: 0 },
    ];
    const q = queue("q", { members: new Set(["u1", "u2", "u3", "u4"]) });
    const agents = ["u1", "u2", "u3", "u4"].map((id, i) => ({ ...agent(id, "available"), idleSince: i }));
    const plan = planOffers(
      calls.map((c) => ({ ...c, preferredAgentId: null, excludedAgentIds: new Set<string>() })),
      new Map([["q", q]]),
      agents,
    );
    const positions = queuePositions(calls);
    // The ACD gives the longest-idle agent (u1) to the first call, u2 to the second, and so on.
    expect(plan.map((a) => positions.get(a.callId))).toEqual([1, 2, 3, 4]);
    expect(plan.map((a) => a.callId)).toEqual(["z", "w", "y", "x"]);
  });
});

describe("estimated wait", () => {
  it("averages handle times, or assumes 180 s without any", () => {
    expect(averageHandleSec([])).toBe(DEFAULT_HANDLE_SEC);
    expect(DEFAULT_HANDLE_SEC).toBe(180);
    expect(averageHandleSec([100, 200, 360])).toBe(220);
  });

  it("is position x AHT / agents (at least one), rounded up to the second", () => {
    expect(estimatedWaitSec({ position: 3, averageHandleSec: 120, agents: 2 })).toBe(180);
    expect(estimatedWaitSec({ position: 1, averageHandleSec: 100, agents: 3 })).toBe(34);
    expect(estimatedWaitSec({ position: 2, averageHandleSec: 180, agents: 0 })).toBe(360);
  });

  it("counts the queue's logged-in agents: members, or the skilled when it has none", () => {
    const agents = [
      agent("avail", "available", { en: 5 }),
      agent("ringing", "ringing", { en: 5 }),
      agent("talking", "in_call", { en: 5 }),
      agent("wrapping", "after_call_work", { en: 5 }),
      agent("break", "break", { en: 5 }),
      agent("off", "offline", { en: 5 }),
      agent("novice", "available", { en: 1 }),
    ];
    expect(loggedInAgents(queue("q", { requiredSkills: [{ skillId: "en", minLevel: 3 }] }), agents)).toBe(4);
    expect(loggedInAgents(queue("q", { members: new Set(["avail", "break", "novice"]) }), agents)).toBe(2);
    expect(loggedInAgents(queue("q", { members: new Set(["avail", "novice"]), requiredSkills: [{ skillId: "en", minLevel: 3 }] }), agents)).toBe(1);
    // Nobody is routed to a queue without members or skills, so nobody counts for it.
    expect(loggedInAgents(queue("q"), agents)).toBe(0);
  });
});

describe("the sentence", () => {
  const both = { position: true, waitTime: true };
  it("says the place in line and the wait in whole minutes, rounded up", () => {
    expect(announcementText({ position: 3, estimatedWaitSec: 230 }, both)).toBe(
      "You are caller number 3 in line. Your estimated wait time is about 4 minutes.",
    );
    expect(announcementText({ position: 2, estimatedWaitSec: 60 }, both)).toBe(
      "You are caller number 2 in line. Your estimated wait time is about 1 minute.",
    );
    expect(announcementText({ position: 2, estimatedWaitSec: 61 }, both)).toBe(
      "You are caller number 2 in line. Your estimated wait time is about 2 minutes.",
    );
  });

  it("says next in line for the first caller and less than a minute below 60 s", () => {
    expect(announcementText({ position: 1, estimatedWaitSec: 59 }, both)).toBe(
      "You are next in line. Your estimated wait time is less than a minute.",
    );
  });

  it("speaks only the parts the queue switched on", () => {
    expect(announcementText({ position: 4, estimatedWaitSec: 600 }, { position: true, waitTime: false })).toBe("You are caller number 4 in line.");
    expect(announcementText({ position: 4, estimatedWaitSec: 600 }, { position: false, waitTime: true })).toBe(
      "Your estimated wait time is about 10 minutes.",
    );
    expect(announcementText({ position: 4, estimatedWaitSec: 600 }, { position: false, waitTime: false })).toBe("");
  });
});

describe("when a call is due", () => {
  it("counts from entering the queue, then from the last announcement", () => {
    const enteredAt = 100_000;
    expect(announcementDue({ enteredAt, lastAnnouncedAt: null, everySec: 30 }, enteredAt + 29_999)).toBe(false);
    expect(announcementDue({ enteredAt, lastAnnouncedAt: null, everySec: 30 }, enteredAt + 30_000)).toBe(true);
    expect(announcementDue({ enteredAt, lastAnnouncedAt: enteredAt + 30_000, everySec: 30 }, enteredAt + 45_000)).toBe(false);
    expect(announcementDue({ enteredAt, lastAnnouncedAt: enteredAt + 30_000, everySec: 30 }, enteredAt + 60_000)).toBe(true);
    // Moved to another queue (overflow) after an announcement: the clock restarts there.
    expect(announcementDue({ enteredAt: enteredAt + 50_000, lastAnnouncedAt: enteredAt + 30_000, everySec: 30 }, enteredAt + 60_000)).toBe(false);
  });
});
