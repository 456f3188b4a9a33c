import { and, asc, eq } from "drizzle-orm";
import { callEvents, callOffers, dispositions, queues, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { getCallInTenant, secondsBetween } from "./internal";
import type { CallOut } from "./schemas";

/** The whole record of one call: timings, offers, transfers, wrap-up and its timeline. */
export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<CallOut> {
  const c = await getCallInTenant(ctx, input.id);
  const db = exec(ctx);
  const name = async (table: typeof queues | typeof users | typeof dispositions, id: string | null) => {
    if (!id) return null;
    const [row] = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id)));
    return row ?? null;
  };
  const offers = await db
    .select({ offer: callOffers, agentName: users.name })
    .from(callOffers)
    .innerJoin(users, eq(users.id, callOffers.userId))
    .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.callId, c.id)))
    .orderBy(asc(callOffers.offeredAt));
  const events = await db
    .select()
    .from(callEvents)
    .where(and(eq(callEvents.tenantId, ctx.tenantId), eq(callEvents.callId, c.id)))
    .orderBy(asc(callEvents.at), asc(callEvents.id));
  const end = c.endedAt ?? ctx.deps.now();
  return {
    id: c.id,
    direction: c.direction,
    fromNumber: c.fromNumber,
    toNumber: c.toNumber,
    state: c.state,
    trunkId: c.trunkId,
    contactId: c.contactId,
    startedAt: c.startedAt.toISOString(),
    queuedAt: c.queuedAt?.toISOString() ?? null,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    endReason: c.endReason,
    queue: await name(queues, c.queueId),
    agent: await name(users, c.agentId),
    waitSeconds: c.queuedAt ? secondsBetween(c.queuedAt, c.answeredAt ?? end) : null,
    talkSeconds: c.answeredAt ? Math.max(0, (secondsBetween(c.answeredAt, end) ?? 0) - c.holdSeconds) : null,
    holdSeconds: c.holdSeconds,
    held: c.heldSince !== null,
    disposition: await name(dispositions, c.dispositionId),
    notes: c.notes,
    wrappedUpAt: c.wrappedUpAt?.toISOString() ?? null,
    recording: { available: c.recordingPath !== null },
    audioStats: c.audioStats ?? null,
    ivrPath: c.ivrPath,
    ivrLabels: ivrLabels(events),
    offers: offers.map(({ offer: o, agentName }) => ({
      id: o.id,
      userId: o.userId,
      agentName,
      offeredAt: o.offeredAt.toISOString(),
      result: o.result,
      respondedAt: o.respondedAt?.toISOString() ?? null,
    })),
    transfers: events.filter((e) => e.type.startsWith("transfer")).map((e) => ({ at: e.at.toISOString(), type: e.type, data: e.data })),
    events: events.map((e) => ({ at: e.at.toISOString(), type: e.type, data: e.data })),
  };
}

/** The IVR nodes' labels, by node id, as the flow named them when the caller went through. */
function ivrLabels(events: Array<{ type: string; data: Record<string, unknown> }>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const e of events) {
    if (e.type !== "ivr" || typeof e.data.step !== "string" || typeof e.data.label !== "string") continue;
    labels[e.data.step.split(":")[0] ?? ""] = e.data.label;
  }
  return labels;
}
