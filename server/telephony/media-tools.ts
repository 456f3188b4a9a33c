/**
 * The server's MediaTools port over media/protocol.ts: DTMF in and out through the SIP
 * gateway's RTP anchors; playback, music on hold and removing legs through the call's media.
 */
import type { MediaPlane, SipGateway } from "@/media/protocol";
import type { MediaTools } from "./ports";

type Listener = (digit: string) => void;

export function mediaTools(media: MediaPlane, gateway: () => SipGateway): MediaTools & { dtmfFromGateway(callId: string, digit: string): void } {
  const listeners = new Map<string, Set<Listener>>();
  const callOf = (callId: string) => {
    const call = media.getCall(callId);
    if (!call) throw new Error(`call ${callId} has no media`);
    return call as typeof call & Partial<MediaCallTools>;
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
    sendDtmf: (callId, _legId, digits) => gateway().sendDtmf(callId, digits),
    play(callId, legId, pcm) {
      const call = callOf(callId);
      if (!call.play) throw new Error("this media plane cannot play prompts yet");
      return call.play(legId, pcm);
    },
    playMusic(callId, legId) {
      const call = media.getCall(callId) as (ReturnType<MediaPlane["getCall"]> & Partial<MediaCallTools>) | undefined;
      return call?.playMusic ? call.playMusic(legId) : () => undefined;
    },
    async removeLeg(callId, legId) {
      const call = callOf(callId);
      if (call.removeLeg) await call.removeLeg(legId);
    },
  };
}

/** The audio tools a MediaCall offers (prompt player, music on hold, removing a leg). */
interface MediaCallTools {
  play(legId: string, pcm: Int16Array, opts?: { loop?: boolean }): { done: Promise<void>; stop(): void };
  playMusic(legId: string): () => void;
  removeLeg(legId: string): Promise<void>;
}
