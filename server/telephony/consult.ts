/**
 * Warm transfer and conference on one node. The agent in the call consults another agent (who
 * gets an offer of the same call and joins its media from their browser) or a number (dialled
 * into the call through the tenant's trunk) while the caller waits on hold with music and is
 * heard by nobody. Then: complete (the agent leaves, the consulted party keeps the caller),
 * cancel (the party leaves, back to the caller), or conference (the caller joins; all three
 * talk; the agent hanging up then leaves them together). The records move first, media after.
 */
import { DialError, type MediaPlane, type MediaWebRtcLeg } from "@/media/protocol";
import { type Ctx, type Deps, actorUserId, systemCtx } from "../context";
import { AppError } from "../errors";
import * as calls from "../services/calls";
import type { ExtraLegs } from "./extra-legs";
import type { LiveCallEntry, LiveCalls } from "./live-calls";
import type { MediaTools } from "./ports";

export type ConsultParty =
  | { kind: "agent"; userId: string; name: string; offerId: string; leg: MediaWebRtcLeg | null; pending: Promise<MediaWebRtcLeg> | null; deskKey?: string }
  | { kind: "number"; number: string; key: string | null };

export interface Consult {
  party: ConsultParty;
  state: "ringing" | "talking" | "conference";
}

export interface ConsultDeps {
  deps: Deps;
  media: MediaPlane;
  live: LiveCalls;
  legs: ExtraLegs;
  tools: MediaTools;
  music(callId: string): void;
  silenceMusic(callId: string): void;
  dropAgent(entry: LiveCallEntry): Promise<void>;
  hangupCall(tenantId: string, callId: string, reason: string): Promise<void>;
  log: (msg: string, e?: unknown) => void;
}

const RING_MS = 30_000;
const partyName = (p: ConsultParty) => (p.kind === "agent" ? p.name : p.number);

export function createConsults(d: ConsultDeps) {
  const { deps, live } = d;
  /** Consult offers ringing on this node: offer id -> call id. */
  const offers = new Map<string, string>();

  const tell = (entry: LiveCallEntry, state: "ringing" | "talking" | "conference" | "ended", party: ConsultParty, reason?: string) => {
    if (entry.agent) deps.notifyUser(entry.agent.userId, { type: "call:consult", callId: entry.callId, state, party: partyName(party), ...(reason ? { reason } : {}) });
  };
  const callerRole = async (entry: LiveCallEntry, mode: "listen" | "party") => {
    const call = d.media.getCall(entry.callId);
    if (call && entry.callerLegId) await call.setMixRole(entry.callerLegId, { mode });
  };
  /** The caller waits (music, heard by nobody) or comes back. */
  async function holdCaller(entry: LiveCallEntry, held: boolean) {
    await calls.setHold({ ctx: systemCtx(deps, entry.tenantId), input: { callId: entry.callId, held, by: "agent" } });
    await callerRole(entry, held ? "listen" : "party");
    if (held) d.music(entry.callId);
    else d.silenceMusic(entry.callId);
  }
  async function removeParty(entry: LiveCallEntry, party: ConsultParty, reason: string) {
    if (party.kind === "number") {
      if (party.key) await d.legs.hangup(party.key, reason);
      return;
    }
    offers.delete(party.offerId);
    if (party.deskKey) await d.legs.hangup(party.deskKey, reason);
    const leg = party.leg ?? (await party.pending?.catch(() => null));
    if (leg) await d.tools.removeLeg(entry.callId, leg.id).catch((e: unknown) => d.log("remove consulted agent's leg", e));
  }

  /** Ends the consult without a transfer; the caller is back with the agent (unless the call is over). */
  async function end(entry: LiveCallEntry, reason: string) {
    const consult = entry.consult;
    if (!consult) return;
    entry.consult = undefined;
    await removeParty(entry, consult.party, reason);
    const p = consult.party;
    await calls.consultEnd({ ctx: systemCtx(deps, entry.tenantId), input: { callId: entry.callId, reason, ...(p.kind === "agent" ? { userId: p.userId } : { number: p.number }) } });
    if (live.get(entry.callId)) await holdCaller(entry, false);
    tell(entry, "ended", p, reason);
  }

  const mine = (ctx: Ctx, callId: string) => {
    const entry = live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId);
    if (!entry.consult) throw new AppError("conflict", "There is no consult on this call");
    return { entry, consult: entry.consult };
  };

  async function dialNumber(entry: LiveCallEntry, party: Extract<ConsultParty, { kind: "number" }>, dial: Awaited<ReturnType<typeof calls.consultNumber>>) {
    try {
      const { key } = await d.legs.dial(
        entry.callId,
        `consult-${Date.now().toString(36)}`,
        { target: dial.target, toUser: party.number, fromUser: dial.fromUser, auth: dial.auth, codecs: entry.callerCodec ? [entry.callerCodec] : undefined, timeoutMs: RING_MS },
        { onEnded: (reason) => void partyLeft(entry.callId, party, reason) },
      );
      party.key = key;
      if (entry.consult?.party !== party) {
        await d.legs.hangup(key, "consult_cancelled"); // cancelled while it rang
        return;
      }
      entry.consult.state = "talking";
      tell(entry, "talking", party);
    } catch (e) {
      if (entry.consult?.party === party) await end(entry, e instanceof DialError ? e.reason : "unreachable");
    }
  }

  /** The consulted number hung up: before completion the consult ends; after, the call does. */
  async function partyLeft(callId: string, party: ConsultParty, reason: string) {
    const entry = live.get(callId);
    if (!entry) return;
    if (entry.consult?.party === party) {
      if (party.kind === "number") party.key = null;
      await end(entry, reason === "remote_hangup" ? "party_hung_up" : reason);
    } else if (party.kind === "number" && entry.transferredTo === party.number) {
      await d.hangupCall(entry.tenantId, callId, "transfer_party_hangup");
    }
  }

  return {
    async start(ctx: Ctx, callId: string, to: { type: "agent"; id: string } | { type: "number"; number: string }) {
      const entry = live.ofAgent(ctx.tenantId, actorUserId(ctx) ?? "", callId);
      if (entry.consult) throw new AppError("conflict", "Finish the current consult first");
      if (!entry.agent.leg && !entry.agent.deskKey) throw new AppError("conflict", "Your audio is not connected yet");
      if (to.type === "agent") {
        const { offer, user } = await calls.consultOffer({ ctx, input: { callId, userId: to.id } });
        const party: ConsultParty = { kind: "agent", userId: user.id, name: user.name, offerId: offer.offerId, leg: null, pending: null };
        entry.consult = { party, state: "ringing" };
        offers.set(offer.offerId, callId);
        await holdCaller(entry, true);
        tell(entry, "ringing", party);
        return;
      }
      const dial = await calls.consultNumber({ ctx, input: { callId, number: to.number } });
      const party: Extract<ConsultParty, { kind: "number" }> = { kind: "number", number: to.number, key: null };
      entry.consult = { party, state: "ringing" };
      await holdCaller(entry, true);
      tell(entry, "ringing", party);
      void dialNumber(entry, party, dial);
    },

    /** Whether an offer is a consult's (answered through `answer` below, not the queue's way). */
    owns: (offerId: string) => offers.has(offerId),

    /** The consulted agent picks up in the browser; their media joins next (media:transports). */
    async answer(ctx: Ctx, offerId: string, deskKey?: string) {
      const callId = offers.get(offerId) ?? "";
      const entry = live.get(callId);
      const party = entry?.consult?.party;
      if (!entry?.consult || party?.kind !== "agent" || party.offerId !== offerId) throw new AppError("conflict", "This call is no longer offered to you");
      await calls.consultAnswer({ ctx, input: { offerId } });
      offers.delete(offerId);
      if (deskKey) party.deskKey = deskKey;
      entry.consult.state = "talking";
      tell(entry, "talking", party);
      return { callId };
    },

    /** An offer of a consult ended without an answer (declined, missed): the consult ends. */
    offerEnded(offerId: string, result: string) {
      const callId = offers.get(offerId);
      if (!callId || result === "answered") return;
      offers.delete(offerId);
      const entry = live.get(callId);
      if (entry?.consult?.party.kind === "agent" && entry.consult.party.offerId === offerId) void end(entry, result).catch((e: unknown) => d.log("end consult", e));
    },

    async complete(ctx: Ctx, callId: string) {
      const { entry, consult } = mine(ctx, callId);
      const { party, state } = consult;
      if (state === "ringing") throw new AppError("conflict", `${partyName(party)} has not answered yet`);
      await calls.consultComplete({ ctx, input: { callId, from: entry.agent.userId, to: party.kind === "agent" ? { userId: party.userId } : { number: party.number } } });
      const agentLeft = entry.agent;
      entry.consult = undefined;
      await d.dropAgent(entry);
      if (party.kind === "agent") d.live.setAgent(entry, { userId: party.userId, leg: party.leg, pending: party.pending, ...(party.deskKey ? { deskKey: party.deskKey } : {}) });
      else entry.transferredTo = party.number;
      if (state === "talking") await holdCaller(entry, false);
      deps.notifyUser(agentLeft.userId, { type: "call:consult", callId, state: "ended", party: partyName(party), reason: "completed" });
    },

    async cancel(ctx: Ctx, callId: string) {
      await end(mine(ctx, callId).entry, "cancelled");
    },

    async conference(ctx: Ctx, callId: string) {
      const { entry, consult } = mine(ctx, callId);
      if (consult.state !== "talking") throw new AppError("conflict", consult.state === "ringing" ? `${partyName(consult.party)} has not answered yet` : "The caller is already in the conference");
      await holdCaller(entry, false);
      consult.state = "conference";
      await calls.noteConference({ ctx, input: { callId, party: partyName(consult.party) } });
      tell(entry, "conference", consult.party);
    },

    /** The consulted agent hangs up: they leave, the caller is back with the agent. */
    async partyHangup(ctx: Ctx, callId: string): Promise<boolean> {
      const entry = live.get(callId);
      const party = entry?.consult?.party;
      if (!entry || entry.tenantId !== ctx.tenantId || party?.kind !== "agent" || party.userId !== actorUserId(ctx)) return false;
      await end(entry, "party_hung_up");
      return true;
    },

    /** The call is ending (caller hung up, agent hung up): the consulted party goes too. */
    async callEnding(entry: LiveCallEntry) {
      if (entry.consult) await end(entry, "call_ended");
    },
  };
}

export type Consults = ReturnType<typeof createConsults>;
