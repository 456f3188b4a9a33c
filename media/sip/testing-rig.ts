/**
 * A gateway for one test: its own media plane (one worker), a gateway on 127.0.0.1 port 0 with
 * the test's router, and the events it reported.
 */
import { type MediaPlane, createMediaPlane } from "../protocol";
import type { RtpPeer } from "../testing/rtp-peer";
import type { InboundInvite, RouteDecision, SipEndReason, SipGateway, SipGatewayOptions } from "./api";
import { createSipGateway } from "./gateway";

export interface Rig {
  media: MediaPlane;
  gateway: SipGateway;
  invites: InboundInvite[];
  answered: string[];
  holds: boolean[];
  ended: Array<{ callId: string; reason: SipEndReason }>;
}

const rigs: Rig[] = [];
let seq = 0;
/** RTP peers a test opened; closed with the rigs. */
export const peers: RtpPeer[] = [];
export const newCallId = () => `sip-test-${process.pid}-${++seq}`;

export async function rig(route: (i: InboundInvite) => Promise<RouteDecision>, extra: Partial<SipGatewayOptions> = {}): Promise<Rig> {
  const media = await createMediaPlane({ workers: 1 });
  const r: Rig = { media, gateway: undefined as unknown as SipGateway, invites: [], answered: [], holds: [], ended: [] };
  r.gateway = await createSipGateway({
    host: "127.0.0.1",
    port: 0,
    media,
    rtpListenIp: "127.0.0.1",
    maxCalls: 10,
    router: {
      route: (i) => {
        r.invites.push(i);
        return route(i);
      },
    },
    events: {
      onAnswered: (callId) => r.answered.push(callId),
      onHold: (_c, held) => r.holds.push(held),
      onEnded: (callId, reason) => r.ended.push({ callId, reason }),
    },
    ...extra,
  });
  rigs.push(r);
  return r;
}

/** Closes every gateway and media plane (and RTP peer) the test made. */
export async function closeRigs(): Promise<void> {
  for (const p of peers.splice(0)) p.close();
  for (const r of rigs.splice(0)) {
    await r.gateway.close();
    r.media.close();
  }
}

export const target = (r: Rig) => `127.0.0.1:${r.gateway.port}`;
