import { and, eq } from "drizzle-orm";
import { callOffers } from "@/db/schema";
import { type Ctx, inTransaction } from "../../context";
import { moveAgent } from "../agents/internal";
import { changeCall, getCallInTenant, secondsBetween } from "./internal";
import { releaseOffer } from "./release-offer";
import { emitEvent } from "../../webhooks/emit";

/** After-call work ends by itself after this long if the agent does not finish the wrap-up. */
export const AFTER_CALL_WORK_MS = 120_000;

/** Ends a call once (later calls are no-ops): hold time settled, offers cancelled, agent to wrap-up. */
export async function end({ ctx, input }: { ctx: Ctx; input: { callId: string; reason: string } }) {
  return inTransaction(ctx, async (ctx) => {
    const call = await getCallInTenant(ctx, input.callId, { forUpdate: true });
    if (call.state === "ended") return call;
    const now = ctx.deps.now();
    const pending = await ctx.tx
      .select({ id: callOffers.id })
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.callId, call.id), eq(callOffers.result, "pending")));
    for (const o of pending) await releaseOffer(ctx, o.id, "cancelled");
    // A caller who hangs up while waiting abandoned the call; after leaving a message, it is a voicemail.
    const reason =
      input.reason === "caller_hangup" && (call.state === "queued" || call.state === "offering")
        ? "abandoned"
        : call.state === "voicemail" && (input.reason === "caller_hangup" || input.reason === "voicemail_full")
          ? "voicemail"
          : input.reason;
    const row = await changeCall(
      ctx,
      call.id,
      { state: "ended", endedAt: now, endReason: reason, heldSince: null, holdSeconds: call.holdSeconds + (secondsBetween(call.heldSince, now) ?? 0) },
      { type: "ended", data: { reason } },
    );
    // The agent wraps up a call they talked on, and an outbound call of theirs that failed.
    if (call.agentId && (call.state === "in_call" || call.direction === "outbound")) {
      await moveAgent(ctx, call.agentId, "after_call_work", { callId: call.id, until: new Date(now.getTime() + AFTER_CALL_WORK_MS), from: ["in_call"], onCall: call.id });
    }
    await emitEvent(ctx, "call.ended", row);
    return row;
  });
}
