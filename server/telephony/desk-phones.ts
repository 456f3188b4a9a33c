/**
 * Agents reached on a SIP endpoint (a user's `sipUri`: a desk phone or a softphone). Such a phone
 * is one more device of the agent: an offer to the agent rings it, dialled into the call's own
 * media through the tenant-independent gateway. Whichever answers first takes the call (the
 * database decides); an offer that ends otherwise (missed, declined, answered in the browser,
 * the caller hung up) stops the ringing. Busy or a refusal declines the offer; no answer is left
 * to the queue's ring timeout. Hanging up the phone hangs up the call; its hold is the agent's.
 */
import { DialError } from "@/media/protocol";
import type { CallOffer, Ctx, Deps, UserEvent } from "../context";
import { systemCtx } from "../context";
import * as calls from "../services/calls";
import { getUserInTenant } from "../services/users/internal";
import type { CallControl } from "./call-control";
import type { ExtraLegs } from "./extra-legs";
import type { LiveCalls } from "./live-calls";
import { sipTargetOf } from "./sip-uri";

export interface DeskPhoneDeps {
  deps: Deps;
  live: LiveCalls;
  legs: ExtraLegs;
  control: Pick<CallControl, "answerOnDesk" | "deskHungUp" | "hold">;
  log: (msg: string, e?: unknown) => void;
}

export function createDeskPhones(d: DeskPhoneDeps) {
  /** Offers whose phone is ringing: offer id -> the leg's gateway key. */
  const ringing = new Map<string, string>();

  async function ring(userId: string, offer: CallOffer) {
    const entry = d.live.get(offer.callId);
    if (!entry) return; // the call's media is on another node
    const user = await getUserInTenant(systemCtx(d.deps, entry.tenantId), userId);
    if (!user.sipUri) return;
    const dest = sipTargetOf(user.sipUri);
    if (!dest) {
      d.log(`cannot dial ${user.sipUri} (only sip: over UDP or TCP)`);
      return;
    }
    const ctx: Ctx = { deps: d.deps, tenantId: entry.tenantId, actor: { kind: "user", userId, role: user.role } };
    const tag = `desk-${offer.offerId}`;
    ringing.set(offer.offerId, `${offer.callId}~${tag}`);
    let key: string;
    try {
      ({ key } = await d.legs.dial(
        offer.callId,
        tag,
        {
          target: dest.target,
          toUser: dest.user,
          fromUser: entry.fromNumber.replace(/[^0-9A-Za-z+*#._-]/g, "") || "anonymous",
          codecs: entry.callerCodec ? [entry.callerCodec] : undefined,
          timeoutMs: Math.max(1000, Date.parse(offer.expiresAt) - Date.now()),
        },
        {
          onEnded: () => void d.control.deskHungUp(entry.tenantId, offer.callId, `${offer.callId}~${tag}`).catch((e: unknown) => d.log("desk phone hang-up", e)),
          onHold: (held) => void d.control.hold(ctx, offer.callId, held).catch((e: unknown) => d.log("desk phone hold", e)),
        },
      ));
    } catch (e) {
      ringing.delete(offer.offerId);
      if (e instanceof DialError && (e.reason === "busy" || e.reason === "rejected")) {
        await calls.declineOffer({ ctx, input: { offerId: offer.offerId } }).catch(() => undefined);
      }
      return;
    }
    ringing.delete(offer.offerId);
    try {
      await d.control.answerOnDesk(ctx, offer.offerId, key);
    } catch (e) {
      // Answered elsewhere first, or the offer ran out as the phone picked up.
      await d.legs.hangup(key, "offer_gone");
      d.log("desk phone answered a call no longer offered", e);
    }
  }

  return {
    /** Taps the events sent to each user (offers and their ends). */
    onUserEvent(userId: string, event: UserEvent) {
      if (event.type === "call:offered") {
        ring(userId, event).catch((e: unknown) => d.log("ring desk phone", e));
      } else if (event.type === "call:offer-ended") {
        const key = ringing.get(event.offerId);
        if (!key) return;
        ringing.delete(event.offerId);
        d.legs.hangup(key, `offer_${event.result}`).catch((e: unknown) => d.log("stop desk phone ringing", e));
      }
    },
  };
}
