import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { claimOffer } from "../../acd/edge";
import type { Ctx, Deps } from "../../context";
import * as agents from "../agents";
import * as calls from "../calls";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as quality from ".";
import { scorecardCreate } from "./schemas";

const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");

describe.each(testDrivers)("QA scorecards on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  /** A tenant with a scorecard (greeting x1, resolution x3), and a call Ada answered and ended. */
  async function scoredSetup() {
    const admin = await makeTenant(deps, "qa");
    const tenantId = admin.ctx.tenantId;
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const ada = await makeQueueAgent(deps, tenantId, queue.id, "Ada");
    const sys: Ctx = { deps, tenantId, actor: { kind: "system", role: "admin" } };
    const answered = await makeQueuedCall(sys, queue.id, "+14155550101");
    await agents.setState({ ctx: ada, input: { state: "available" } });
    const offer = await claimOffer(deps, tenantId, { callId: answered.id, userId: userOf(ada), reason: "longest-idle" } as never, { name: "Support", ringTimeoutSec: 30 });
    await calls.answerOffer({ ctx: ada, input: { offerId: offer?.offerId ?? "" } });
    await calls.end({ ctx: sys, input: { callId: answered.id, reason: "agent_hangup" } });
    const abandoned = await makeQueuedCall(sys, queue.id, "+14155550102");
    await calls.end({ ctx: sys, input: { callId: abandoned.id, reason: "caller_hangup" } });
    const card = await quality.scorecards.create({
      ctx: admin.ctx,
      input: scorecardCreate.parse({ name: "Support QA", criteria: [{ label: "Greeting", weight: 1 }, { label: "Resolution", description: "Solved on the first call", weight: 3 }, { label: "Upsell" }] }),
    });
    const [greeting, resolution, upsell] = card.criteria.map((c) => c.id) as [string, string, string];
    return { admin, ada, sys, answered, abandoned, card, greeting, resolution, upsell };
  }

  it("scores a call by weight over the criteria that apply, replaces a re-score, and lists it for the agent", async () => {
    const { admin, ada, answered, card, greeting, resolution, upsell } = await scoredSetup();
    // Greeting 5/5 (x1), resolution 2/5 (x3), upsell N/A: (5 + 6) / (5 + 15) = 55 %.
    const first = await quality.evaluate({ ctx: admin.ctx, input: { callId: answered.id, scorecardId: card.id, answers: [{ criterionId: greeting, score: 5 }, { criterionId: resolution, score: 2 }, { criterionId: upsell, score: null }], comment: "Missed the refund" } });
    expect(first).toMatchObject({ callId: answered.id, scorePct: 55, agent: { id: userOf(ada), name: "Ada" }, evaluator: { name: "Admin" }, comment: "Missed the refund", scorecard: { name: "Support QA" } });
    expect(first.answers.map((a) => [a.label, a.weight, a.score])).toEqual([["Greeting", 1, 5], ["Resolution", 3, 2], ["Upsell", 1, null]]);
    const again = await quality.evaluate({ ctx: admin.ctx, input: { callId: answered.id, scorecardId: card.id, answers: [{ criterionId: greeting, score: 5 }, { criterionId: resolution, score: 5 }, { criterionId: upsell, score: 0 }], comment: "" } });
    expect(again.id).toBe(first.id);
    expect(again.scorePct).toBe(Math.round((20 / 25) * 10000) / 100);
    expect(await quality.forCall({ ctx: ada, input: { callId: answered.id } })).toHaveLength(1);
    expect(await quality.listEvaluations({ ctx: ada, input: { limit: 50 } })).toMatchObject({ averagePct: 80, items: [{ id: first.id }] });
    const record = await calls.get({ ctx: admin.ctx, input: { id: answered.id } });
    expect(record.events.filter((e) => e.type === "evaluated").map((e) => e.data)).toEqual([{ userId: userOf(admin.ctx), scorecardId: card.id }, { userId: userOf(admin.ctx), scorecardId: card.id }]);
    // Used criteria are fixed; the name is not; a used scorecard cannot be deleted.
    await expect(quality.scorecards.update({ ctx: admin.ctx, input: { id: card.id, patch: { criteria: [{ label: "Other", description: "", weight: 1 }] } } })).rejects.toMatchObject({ code: "conflict" });
    expect((await quality.scorecards.update({ ctx: admin.ctx, input: { id: card.id, patch: { name: "Support QA v1" } } })).evaluations).toBe(1);
    await expect(quality.scorecards.remove({ ctx: admin.ctx, input: { id: card.id } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses incomplete or foreign answers, unanswered calls, and agents reading others' scores; changes nothing", async () => {
    const { admin, ada, sys, answered, abandoned, card, greeting, resolution, upsell } = await scoredSetup();
    const score = (answers: Array<{ criterionId: string; score: number | null }>, callId = answered.id, scorecardId = card.id) => quality.evaluate({ ctx: admin.ctx, input: { callId, scorecardId, answers, comment: "" } });
    const all = [{ criterionId: greeting, score: 3 }, { criterionId: resolution, score: 3 }, { criterionId: upsell, score: 3 }];
    await expect(score(all.slice(0, 2))).rejects.toMatchObject({ code: "validation_failed", message: "answers: every criterion needs a score or N/A (missing: Upsell)" });
    await expect(score([...all, { criterionId: greeting, score: 1 }])).rejects.toMatchObject({ message: "answers: each criterion is answered once" });
    await expect(score([...all.slice(1), { criterionId: crypto.randomUUID(), score: 1 }])).rejects.toMatchObject({ message: "answers: a criterion this scorecard does not have" });
    await expect(score(all.map((a) => ({ ...a, score: null })))).rejects.toMatchObject({ message: "answers: at least one criterion must be scored" });
    await expect(score(all, abandoned.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(score(all, answered.id, crypto.randomUUID())).rejects.toMatchObject({ code: "validation_failed", message: "scorecardId: no such scorecard" });

    // Another tenant: its scorecard, its calls, and ours are out of each other's reach.
    const other = await makeTenant(deps, "other");
    const theirCard = await quality.scorecards.create({ ctx: other.ctx, input: scorecardCreate.parse({ name: "Theirs", criteria: [{ label: "X" }] }) });
    await expect(score(all, answered.id, theirCard.id)).rejects.toMatchObject({ message: "scorecardId: no such scorecard" });
    await expect(quality.evaluate({ ctx: other.ctx, input: { callId: answered.id, scorecardId: theirCard.id, answers: [{ criterionId: theirCard.criteria[0]?.id ?? "", score: 1 }], comment: "" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(quality.scorecards.get({ ctx: other.ctx, input: { id: card.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(quality.forCall({ ctx: other.ctx, input: { callId: answered.id } })).rejects.toMatchObject({ code: "not_found" });
    expect((await quality.listEvaluations({ ctx: other.ctx, input: { limit: 50 } })).items).toEqual([]);

    // Bo did not handle the call: to him it does not exist; Ada's list is still empty.
    const bo = await makeQueueAgent(deps, sys.tenantId, (await queues.list({ ctx: admin.ctx }))[0]?.id ?? "", "Bo");
    await expect(quality.forCall({ ctx: bo, input: { callId: answered.id } })).rejects.toMatchObject({ code: "not_found" });
    expect(await quality.listEvaluations({ ctx: ada, input: { limit: 50 } })).toEqual({ averagePct: null, items: [] });
    // Unused: criteria change (new ids), then it can be deleted.
    const changed = await quality.scorecards.update({ ctx: admin.ctx, input: { id: card.id, patch: { criteria: [{ label: "Empathy", description: "", weight: 2 }] } } });
    expect(changed.criteria.map((c) => [c.label, c.weight])).toEqual([["Empathy", 2]]);
    await quality.scorecards.remove({ ctx: admin.ctx, input: { id: card.id } });
    expect(await quality.scorecards.list({ ctx: admin.ctx })).toEqual([]);
  });
});
