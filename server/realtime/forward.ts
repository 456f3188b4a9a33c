/**
 * Several nodes: a call lives on the node that took its INVITE (its SIP dialog, anchor and
 * mediasoup router are there), while the agent's browser may be connected to any node. A verb
 * on a call this node does not hold runs on the node that does: it goes there as a server-side
 * event over the Socket.IO adapter (Redis), and that node's answer (or error) comes back as the
 * ack. Every node answers each such event (the others with `skip`), so a node that is gone shows
 * as no answer, reported as such. Without Redis there is one node, and every verb is local.
 */
import { and, eq } from "drizzle-orm";
import { callOffers, calls } from "@/db/schema";
import type { Ctx, Deps, UserEvent } from "../context";
import { AppError, ERROR_STATUS, type ErrorCode, isAppError } from "../errors";
import { logError } from "../log";
import type { CallActions } from "./call-handlers";
import { isMediaError } from "./media-errors";

export const FORWARD_EVENT = "hotline:call-verb";
export const USER_EVENT = "hotline:user-event";

type Verb = Exclude<keyof CallActions, "media" | "dial"> | `media.${keyof CallActions["media"]}`;

/** What travels between nodes: the verb, who asked (tenant and user), its arguments. */
export interface ForwardedVerb {
  node: string;
  verb: Verb;
  tenantId: string;
  actor: Ctx["actor"];
  args: unknown[];
}
export type ForwardReply = { skip: true } | { data: unknown } | { error: { code: string; message: string } };

/** The part of a Socket.IO server this needs (server-side events with acks). */
export interface ForwardBus {
  /** Whether other nodes may exist (a shared adapter); alone, every verb is local and nothing is looked up. */
  readonly clustered: boolean;
  /** Every other node's reply (none from a node that did not answer in time). */
  emit(message: ForwardedVerb): Promise<ForwardReply[]>;
  serve(handler: (message: ForwardedVerb) => Promise<ForwardReply>): void;
  /** Tells the other nodes about an event pushed to a user (offers ring desk phones where the call is). */
  publish(userId: string, event: UserEvent): void;
  subscribe(handler: (userId: string, event: UserEvent) => void): void;
}

class RemoteMediaError extends Error {
  override readonly name = "MediaError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const rebuild = (e: { code: string; message: string }) => (e.code in ERROR_STATUS ? new AppError(e.code as ErrorCode, e.message) : new RemoteMediaError(e.code, e.message));

function run(local: CallActions, verb: Verb, ctx: Ctx, args: unknown[]): Promise<unknown> {
  if (verb.startsWith("media.")) {
    const fn = local.media[verb.slice(6) as keyof CallActions["media"]] as (ctx: Ctx, ...a: unknown[]) => Promise<unknown>;
    return fn(ctx, ...args);
  }
  return (local[verb as Exclude<Verb, `media.${string}`>] as (ctx: Ctx, ...a: unknown[]) => Promise<unknown>)(ctx, ...args);
}

export interface ForwardOptions {
  deps: Deps;
  bus: ForwardBus;
  /** Whether this node holds the call live (no database read needed then). */
  holds: (callId: string) => boolean;
}

/** `local`'s verbs, each run where its call lives; also starts answering the other nodes' verbs. */
export function forwardingActions(local: CallActions, opts: ForwardOptions): CallActions {
  const { deps, bus } = opts;
  bus.serve(async (m) => {
    if (m.node !== deps.nodeId) return { skip: true };
    try {
      return { data: (await run(local, m.verb, { deps, tenantId: m.tenantId, actor: m.actor }, m.args)) ?? null };
    } catch (e) {
      if (isAppError(e) || isMediaError(e)) return { error: { code: e.code, message: e.message } };
      logError("realtime", `forwarded ${m.verb} failed`, e);
      return { error: { code: "internal", message: "Something went wrong on our side" } };
    }
  });

  /** The node holding a live call of the tenant, when it is another one. */
  const holderOf = async (ctx: Ctx, callId: string): Promise<string | null> => {
    if (opts.holds(callId)) return null;
    const [row] = await deps.db
      .select({ nodeId: calls.nodeId, state: calls.state })
      .from(calls)
      .where(and(eq(calls.tenantId, ctx.tenantId), eq(calls.id, callId)));
    return row && row.state !== "ended" && row.nodeId && row.nodeId !== deps.nodeId ? row.nodeId : null;
  };
  const callOfOffer = async (ctx: Ctx, offerId: string) => {
    const [row] = await deps.db
      .select({ callId: callOffers.callId })
      .from(callOffers)
      .where(and(eq(callOffers.tenantId, ctx.tenantId), eq(callOffers.id, offerId)));
    return row?.callId ?? null;
  };

  const send = async (node: string, verb: Verb, ctx: Ctx, args: unknown[]) => {
    const replies = await bus.emit({ node, verb, tenantId: ctx.tenantId, actor: ctx.actor, args });
    const reply = replies.find((r) => !("skip" in r));
    if (!reply) throw new AppError("unavailable", "The server holding this call is not reachable; try again in a moment");
    if ("error" in reply) throw rebuild(reply.error);
    return "data" in reply ? reply.data : null;
  };
  /** A verb on `callId`: here when this node holds it (or nobody does), else where it lives. */
  const on =
    <A extends unknown[], R>(verb: Verb, idIs: "call" | "offer", here: (ctx: Ctx, id: string, ...rest: A) => Promise<R>) =>
    async (ctx: Ctx, id: string, ...rest: A): Promise<R> => {
      if (!bus.clustered) return here(ctx, id, ...rest);
      const callId = idIs === "call" ? id : await callOfOffer(ctx, id);
      const node = callId ? await holderOf(ctx, callId) : null;
      return node ? ((await send(node, verb, ctx, [id, ...rest])) as R) : here(ctx, id, ...rest);
    };
  const byCall = "call";
  const byOffer = "offer";

  return {
    answer: on("answer", byOffer, local.answer),
    decline: on("decline", byOffer, local.decline),
    hangup: on("hangup", byCall, local.hangup),
    hold: on("hold", byCall, local.hold),
    transfer: on("transfer", byCall, local.transfer),
    consult: on("consult", byCall, local.consult),
    consultComplete: on("consultComplete", byCall, local.consultComplete),
    consultCancel: on("consultCancel", byCall, local.consultCancel),
    conference: on("conference", byCall, local.conference),
    // A new outbound call starts on the node the agent asked.
    dial: local.dial,
    dtmf: on("dtmf", byCall, local.dtmf),
    recordingPaused: on("recordingPaused", byCall, local.recordingPaused),
    monitor: on("monitor", byCall, local.monitor),
    monitorEnd: on("monitorEnd", byCall, local.monitorEnd),
    media: {
      transports: on("media.transports", byCall, local.media.transports),
      connect: on("media.connect", byCall, local.media.connect),
      produce: on("media.produce", byCall, local.media.produce),
      capabilities: on("media.capabilities", byCall, local.media.capabilities),
    },
  };
}
