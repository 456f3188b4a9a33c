/**
 * Blind transfer to a phone number (asked by the agent in the call or by the IVR): the record
 * first (it picks the outbound trunk; the agent moves on), then the caller hears ringback while
 * the number is dialled into the same call; once it answers the two talk. If it cannot be
 * reached the caller hears why and the call ends with that reason. Either side hanging up ends
 * the call (the other side gets a BYE).
 */
import { DialError, type SipEndReason } from "@/media/protocol";
import type { Ctx } from "../context";
import { systemCtx } from "../context";
import type { SpeechProvider } from "../ivr/speech";
import * as calls from "../services/calls";
import type { ExtraLegs } from "./extra-legs";
import type { LiveCallEntry } from "./live-calls";
import type { MediaTools } from "./ports";

const RING_MS = 30_000;
const SORRY: Record<string, string> = {
  busy: "Sorry, the line is busy. Please try again later. Goodbye.",
  no_answer: "Sorry, there was no answer. Please try again later. Goodbye.",
};
const SORRY_OTHER = "Sorry, we could not connect your call. Please try again later. Goodbye.";

export interface NumberTransferDeps {
  legs: ExtraLegs;
  tools: MediaTools;
  speech: SpeechProvider;
  /** Ends the whole call: the caller's leg, its extra legs, the record. */
  hangupCall(tenantId: string, callId: string, reason: string): Promise<void>;
  /** Takes the agent (if any) out of the call's media. */
  dropAgent(entry: LiveCallEntry): Promise<void>;
  live: { get(callId: string): LiveCallEntry | undefined };
}

export function createNumberTransfer(d: NumberTransferDeps) {
  return async function transferToNumber(ctx: Ctx, entry: LiveCallEntry, number: string): Promise<void> {
    const { callId, tenantId } = entry;
    const callerLegId = entry.callerLegId;
    if (!callerLegId) throw new Error("the caller is not connected");
    const dial = await calls.transferToNumber({ ctx, input: { callId, number } });
    await d.dropAgent(entry);
    entry.stopMusic?.();
    let stopRingback: (() => void) | undefined = d.tools.playRingback(callId, callerLegId);
    entry.stopMusic = () => {
      stopRingback?.();
      stopRingback = undefined;
    };
    const sys = systemCtx(ctx.deps, tenantId);
    const outcome = (o: string) => calls.transferOutcome({ ctx: sys, input: { callId, number, outcome: o } });
    try {
      await d.legs.dial(
        callId,
        `number-${Date.now().toString(36)}`,
        {
          target: dial.target,
          toUser: number,
          fromUser: dial.fromUser,
          auth: dial.auth,
          codecs: entry.callerCodec ? [entry.callerCodec] : undefined,
          timeoutMs: RING_MS,
          onProgress: (p) => {
            if (p.earlyMedia) entry.stopMusic?.();
          },
        },
        { onEnded: (reason: SipEndReason) => void d.hangupCall(tenantId, callId, reason === "remote_hangup" ? "transfer_party_hangup" : `transfer_${reason}`) },
      );
      entry.stopMusic?.();
      entry.transferredTo = number;
      await outcome("connected");
    } catch (e) {
      entry.stopMusic?.();
      const reason = e instanceof DialError ? e.reason : "unreachable";
      await outcome(reason);
      if (!d.live.get(callId)) return; // the caller hung up while it rang
      await d.tools.play(callId, callerLegId, await d.speech.synthesize(SORRY[reason] ?? SORRY_OTHER)).done;
      await d.hangupCall(tenantId, callId, `transfer_${reason}`);
    }
  };
}
