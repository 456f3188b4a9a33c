/** G.711 end to end: the router's codecs and the RTP parameters of a PlainTransport leg. */
import type { RtpCapabilities, RtpCodecCapability, RouterRtpCodecCapability, RtpParameters } from "mediasoup/types";
import type { G711 } from "./rtp/g711";

export const TELEPHONE_EVENT_PT = 101;

const MIME: Record<G711, string> = { pcmu: "audio/PCMU", pcma: "audio/PCMA" };
export const STATIC_PT: Record<G711, number> = { pcmu: 0, pcma: 8 };

export const ROUTER_MEDIA_CODECS: RouterRtpCodecCapability[] = [
  { kind: "audio", mimeType: MIME.pcmu, clockRate: 8000, preferredPayloadType: STATIC_PT.pcmu },
  { kind: "audio", mimeType: MIME.pcma, clockRate: 8000, preferredPayloadType: STATIC_PT.pcma },
  { kind: "audio", mimeType: "audio/telephone-event", clockRate: 8000, preferredPayloadType: TELEPHONE_EVENT_PT },
];

export const isG711 = (v: unknown): v is G711 => v === "pcmu" || v === "pcma";

/**
 * What a leg can receive: its one G.711 codec (no transcoding, so a PCMA leg cannot hear a PCMU
 * one). telephone-event is left out: mediasoup's Consumer forwards media codecs only
 * (Consumer.cpp `supportedCodecPayloadTypes`), so RFC 4733 DTMF must take another path.
 */
export function legRtpCapabilities(routerCaps: RtpCapabilities, codec: G711): RtpCapabilities {
  const wanted = MIME[codec].toLowerCase();
  const codecs: RtpCodecCapability[] = (routerCaps.codecs ?? []).filter((c) => c.mimeType.toLowerCase() === wanted);
  return { codecs, headerExtensions: [] };
}

/** What the far end sends: its G.711 codec on the static payload type, one stream with a known SSRC. */
export function producerRtpParameters(codec: G711, ssrc: number): RtpParameters {
  return {
    codecs: [{ mimeType: MIME[codec], payloadType: STATIC_PT[codec], clockRate: 8000 }],
    encodings: [{ ssrc }],
    rtcp: { reducedSize: false },
  };
}
