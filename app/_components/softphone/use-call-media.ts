"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AgentMedia, AgentMediaSignal, ConsumerOptions } from "@/media/client/agent-media";
import { useTenantEvent } from "@/app/_lib/use-tenant-event";
import { emitVerb } from "@/app/_lib/socket";
import { mediaErrorMessage } from "./media-error";

/** `phone`: the agent took the call on their SIP phone; the browser carries no audio. */
export type MediaStatus = "idle" | "connecting" | "connected" | "phone" | "failed";

export interface CallMediaHook {
  status: MediaStatus;
  error: string | null;
  muted: boolean;
  toggleMute: () => void;
  /** The far end's audio, for an <audio autoplay> element. */
  remote: MediaStream | null;
  retry: () => void;
}

interface TransportsReply {
  routerRtpCapabilities: unknown;
  send: object;
  recv: object;
  iceServers?: RTCIceServer[];
  onPhone?: true;
}

/** The call's audio is on the agent's SIP phone (not an error: nothing to connect here). */
class OnPhone extends Error {}

/** The agent's side of the signalling, over Socket.IO acks; ICE servers go to both transports. */
function socketSignal(callId: string, consumed: Set<string>): AgentMediaSignal {
  return {
    async transports() {
      const r = (await emitVerb("media:transports", { callId })) as TransportsReply;
      if (r.onPhone) throw new OnPhone("on the SIP phone");
      const ice = r.iceServers?.length ? { iceServers: r.iceServers } : {};
      return { routerRtpCapabilities: r.routerRtpCapabilities, send: { ...r.send, ...ice }, recv: { ...r.recv, ...ice } } as Awaited<ReturnType<AgentMediaSignal["transports"]>>;
    },
    connect: (transportId, dtlsParameters) => emitVerb("media:connect", { callId, transportId, dtlsParameters }),
    produce: (kind, rtpParameters) => emitVerb("media:produce", { callId, kind, rtpParameters }),
    capabilities: async (rtpCapabilities) => {
      const list = (await emitVerb("media:capabilities", { callId, rtpCapabilities })) as ConsumerOptions[];
      for (const c of list) consumed.add(c.id);
      return list;
    },
  };
}

/** Starts the browser audio of `callId` (mediasoup-client) while it is set; closes it after. */
export function useCallMedia(callId: string | null): CallMediaHook {
  const [status, setStatus] = useState<MediaStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const [muted, setMuted] = useState(false);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [attempt, setAttempt] = useState(0);
  const media = useRef<AgentMedia | null>(null);
  const consumed = useRef(new Set<string>());
  /** Streams announced while the audio was still starting: consumed once it has started. */
  const early = useRef<ConsumerOptions[]>([]);

  const consumeLater = useCallback((m: AgentMedia, c: ConsumerOptions) => {
    if (consumed.current.has(c.id)) return;
    consumed.current.add(c.id);
    m.consume(c).then(
      (track) => setRemote((cur) => new MediaStream([...(cur?.getTracks() ?? []), track])),
      (e: unknown) => setError(mediaErrorMessage(e)),
    );
  }, []);

  // Streams the server adds later (a prompt, music, a conference mix) are consumed as they come.
  // One that comes while the audio is still starting (after the server listed the streams to
  // consume, before the browser finished consuming them) waits for it: dropped, the agent would
  // hear nothing once the call is mixed (a supervisor joins, a conference).
  useTenantEvent("media:consumer", (c) => {
    if (c.callId !== callId) return;
    const options: ConsumerOptions = { id: c.id, producerId: c.producerId, kind: "audio", rtpParameters: c.rtpParameters as ConsumerOptions["rtpParameters"] };
    const m = media.current;
    if (m) consumeLater(m, options);
    else early.current.push(options);
  });

  useEffect(() => {
    setMuted(false);
    setRemote(null);
    setError(null);
    if (!callId) {
      setStatus("idle");
      return;
    }
    let closed = false;
    setStatus("connecting");
    const start = async () => {
      // mediasoup-client touches browser globals: load it only in the browser, when a call starts.
      const { startAgentMedia } = await import("@/media/client/agent-media");
      consumed.current = new Set();
      early.current = [];
      const m = await startAgentMedia(socketSignal(callId, consumed.current));
      if (closed) return m.close();
      media.current = m;
      setRemote(new MediaStream(m.remoteTracks));
      setStatus("connected");
      for (const c of early.current.splice(0)) consumeLater(m, c);
    };
    // Started on the next tick: an effect undone at once (React's dev double run) never signals.
    const timer = setTimeout(() => {
      start().catch((e: unknown) => {
        if (closed) return;
        if (e instanceof OnPhone) return setStatus("phone");
        setError(mediaErrorMessage(e));
        setStatus("failed");
      });
    }, 0);
    return () => {
      closed = true;
      clearTimeout(timer);
      media.current?.close();
      media.current = null;
    };
  }, [callId, attempt, consumeLater]);

  const toggleMute = useCallback(() => {
    const next = !muted;
    const m = media.current;
    if (m) {
      // Paused, the producer sends nothing; the disabled track is silence should it resume early.
      if (next) m.producer.pause();
      else m.producer.resume();
      if (m.producer.track) m.producer.track.enabled = !next;
    }
    setMuted(next);
  }, [muted]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, error, muted, toggleMute, remote, retry };
}
