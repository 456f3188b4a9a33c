/**
 * G.711 end to end: the router's codecs and the RTP parameters of a PlainTransport leg.
 *
 * RFC 4733 DTMF: mediasoup's Consumer forwards "media" codecs only (Consumer.cpp fills
 * `supportedCodecPayloadTypes` from `IsMediaCodec()`, and telephone-event is a "complementary"
 * codec), so a real telephone-event codec is dropped by every consumer, DirectTransport ones
 * included. The Producer forwards any payload type it has a mapping for, though. So inside the
 * router, RFC 4733 packets travel labelled as an otherwise unused media codec (iLBC/8000,
 * `DTMF_CARRIER`) on payload type 101: far ends still send and receive plain RFC 4733 on the
 * wire (the label never leaves mediasoup), and consumers carry it. Browsers never see the label
 * (`browserRouterCapabilities` hides it), so they cannot pick iLBC.
 */
import type { RtpCapabilities, RtpCodecCapability, RouterRtpCodecCapability, RtpParameters } from "mediasoup/types";
import type { G711 } from "./rtp/g711";

/** The payload type RFC 4733 events have inside the router and towards every plain leg. */
export const TELEPHONE_EVENT_PT = 101;
/** What the router calls RFC 4733 events (see above). */
export const DTMF_CARRIER = "audio/iLBC";

const MIME: Record<G711, string> = { pcmu: "audio/PCMU", pcma: "audio/PCMA" };
export const STATIC_PT: Record<G711, number> = { pcmu: 0, pcma: 8 };

export const ROUTER_MEDIA_CODECS: RouterRtpCodecCapability[] = [
  { kind: "audio", mimeType: MIME.pcmu, clockRate: 8000, preferredPayloadType: STATIC_PT.pcmu },
  { kind: "audio", mimeType: MIME.pcma, clockRate: 8000, preferredPayloadType: STATIC_PT.pcma },
  { kind: "audio", mimeType: DTMF_CARRIER, clockRate: 8000, preferredPayloadType: TELEPHONE_EVENT_PT },
  { kind: "audio", mimeType: "audio/telephone-event", clockRate: 8000, preferredPayloadType: 102 },
];

export const isG711 = (v: unknown): v is G711 => v === "pcmu" || v === "pcma";

const isCarrier = (c: { mimeType: string }) => c.mimeType.toLowerCase() === DTMF_CARRIER.toLowerCase();

/** The router's capabilities as a browser's mediasoup-client Device should see them. */
export function browserRouterCapabilities(routerCaps: RtpCapabilities): RtpCapabilities {
  return { ...routerCaps, codecs: (routerCaps.codecs ?? []).filter((c) => !isCarrier(c)) };
}

/** What a plain leg can receive: its one G.711 codec (no transcoding) and RFC 4733 events. */
export function legRtpCapabilities(routerCaps: RtpCapabilities, codec: G711): RtpCapabilities {
  const wanted = MIME[codec].toLowerCase();
  const codecs: RtpCodecCapability[] = (routerCaps.codecs ?? []).filter((c) => c.mimeType.toLowerCase() === wanted || isCarrier(c));
  return { codecs, headerExtensions: [] };
}

/** What the media plane itself reads (recorder, mixer, DTMF): both G.711 codecs and RFC 4733 events. */
export function tapRtpCapabilities(routerCaps: RtpCapabilities): RtpCapabilities {
  const codecs = (routerCaps.codecs ?? []).filter((c) => c.mimeType.toLowerCase() !== "audio/telephone-event");
  return { codecs, headerExtensions: [] };
}

/**
 * What a far end (or the media plane's own player) sends: its G.711 codec on the static payload
 * type and RFC 4733 events on `telephoneEventPt`, one stream with a known SSRC.
 */
export function producerRtpParameters(codec: G711, ssrc: number, telephoneEventPt = TELEPHONE_EVENT_PT): RtpParameters {
  return {
    codecs: [
      { mimeType: MIME[codec], payloadType: STATIC_PT[codec], clockRate: 8000 },
      { mimeType: DTMF_CARRIER, payloadType: telephoneEventPt, clockRate: 8000 },
    ],
    encodings: [{ ssrc }],
    rtcp: { reducedSize: false },
  };
}

export const g711OfPayloadType = (pt: number): G711 | undefined => (pt === STATIC_PT.pcmu ? "pcmu" : pt === STATIC_PT.pcma ? "pcma" : undefined);
