/**
 * The server's MediaTools port over media/protocol.ts: prompts, music on hold, DTMF out and
 * removing legs through the call's media; DTMF in from the SIP gateway's RTP anchors.
 */
import type { MediaPlane } from "@/media/protocol";
import { AppError } from "../errors";
import type { MediaTools } from "./ports";

type Listener = (digit: string) => void;

export function mediaTools(media: MediaPlane): MediaTools & { dtmfFromGateway(callId: string, digit: string): void } {
  const listeners = new Map<string, Set<Listener>>();
  const callOf = (callId: string) => {
    const call = media.getCall(callId);
    if (!call) throw new AppError("conflict", "The call has no media any more");
    return call;
  };
  return {
    dtmfFromGateway(callId, digit) {
      for (const l of listeners.get(callId) ?? []) l(digit);
    },
    onDtmf(callId, _legId, listener) {
      const set = listeners.get(callId) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(callId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(callId);
      };
    },
    sendDtmf: (callId, legId, digits) => callOf(callId).sendDtmf(legId, digits),
    play: (callId, legId, pcm) => callOf(callId).play(legId, pcm),
    playMusic(callId, legId) {
      const call = media.getCall(callId);
      return call ? call.playMusic(legId) : () => undefined;
    },
    playRingback(callId, legId) {
      const call = media.getCall(callId);
      return call ? call.playRingback(legId) : () => undefined;
    },
    removeLeg: (callId, legId) => callOf(callId).removeLeg(legId),
  };
}
