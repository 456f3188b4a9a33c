/**
 * The signalling verbs of an agent's browser audio (mediasoup-client over Socket.IO acks):
 * each checks that the call is the agent's own on this node, then relays to the media plane.
 */
import type { DtlsParameters, RtpCapabilities, RtpParameters } from "mediasoup/types";
import type { MediaPlane, MediaWebRtcLeg, WebRtcConsumerInfo } from "@/media/protocol";
import { AppError } from "../errors";
import type { LiveCalls } from "./live-calls";

export interface AgentMediaDeps {
  media: MediaPlane;
  live: LiveCalls;
  listenIp: string;
  announcedIp?: string;
  iceServers: Array<{ urls: string[]; username?: string; credential?: string }>;
  /** Tells the agent's browser of a stream to consume after the first ones (prompts, mixes). */
  onConsumer: (userId: string, callId: string, consumer: WebRtcConsumerInfo) => void;
}

export interface AgentWho {
  tenantId: string;
  userId: string;
}

export function createAgentMedia(d: AgentMediaDeps) {
  /** Creates the user's WebRTC leg in the call once (concurrent asks share it). */
  function legFor(callId: string, seat: ReturnType<LiveCalls["partyOf"]>): Promise<MediaWebRtcLeg> {
    if (seat.deskKey) return Promise.reject(new AppError("conflict", "This call is on your SIP phone"));
    if (seat.leg) return Promise.resolve(seat.leg);
    if (seat.pending) return seat.pending;
    const call = d.media.getCall(callId);
    if (!call) return Promise.reject(new AppError("conflict", "The call has no media any more"));
    const userId = seat.userId;
    const pending = call.addWebRtcLeg({ listenIp: d.listenIp, announcedAddress: d.announcedIp, onConsumer: (c) => d.onConsumer(userId, callId, c) }).then(async (leg) => {
      await seat.onLeg?.(leg);
      seat.leg = leg;
      seat.pending = null;
      d.live.legReady(callId, seat);
      return leg;
    });
    seat.pending = pending;
    return pending;
  }
  const own = async (who: AgentWho, callId: string) => legFor(callId, d.live.partyOf(who.tenantId, who.userId, callId));

  return {
    /** The browser's transports; `{ onPhone: true }` when the agent took the call on their SIP phone. */
    async transports(who: AgentWho, callId: string) {
      if (d.live.partyOf(who.tenantId, who.userId, callId).deskKey) return { onPhone: true as const };
      const leg = await own(who, callId);
      return { ...leg.transports, iceServers: d.iceServers };
    },
    async connect(who: AgentWho, callId: string, transportId: string, dtlsParameters: DtlsParameters) {
      await (await own(who, callId)).connectTransport(transportId, dtlsParameters);
    },
    async produce(who: AgentWho, callId: string, kind: string, rtpParameters: RtpParameters) {
      return { id: await (await own(who, callId)).produce(kind, rtpParameters) };
    },
    async capabilities(who: AgentWho, callId: string, rtpCapabilities: RtpCapabilities) {
      const leg = await own(who, callId);
      await leg.setRtpCapabilities(rtpCapabilities);
      return leg.consumers;
    },
  };
}

export type AgentMediaVerbs = ReturnType<typeof createAgentMedia>;
