/**
 * The SDP of a SIP audio call: what the far end offers (address, port, G.711 codecs,
 * telephone-event, direction, SSRC if it says) and the answer we give (one G.711 codec plus
 * telephone-event, on the media plane's port). Parsed with sdp-transform; anything we cannot
 * use is an SdpError the gateway answers with 488.
 */
import { isIPv4 } from "node:net";
import * as sdpTransform from "sdp-transform";

export class SdpError extends Error {
  override readonly name = "SdpError";
}

export type Direction = "sendrecv" | "sendonly" | "recvonly" | "inactive";

export interface RemoteAudio {
  ip: string;
  port: number;
  codec: "pcmu" | "pcma";
  payloadType: number;
  telephoneEvent: number | null;
  direction: Direction;
  ssrc: number | null;
}

const STATIC = { 0: "pcmu", 8: "pcma" } as const;

/** The far end's audio, preferring PCMU then PCMA in its own order. */
export function parseOffer(text: string, preferred: ReadonlyArray<"pcmu" | "pcma"> = ["pcmu", "pcma"]): RemoteAudio {
  let s: sdpTransform.SessionDescription;
  try {
    s = sdpTransform.parse(text);
  } catch {
    throw new SdpError("unparseable SDP");
  }
  const audio = s.media?.find((m) => m.type === "audio" && m.port > 0);
  if (!audio) throw new SdpError("no active audio stream in the SDP");
  const ip = audio.connection?.ip ?? s.connection?.ip;
  if (!ip || !isIPv4(ip)) throw new SdpError("the SDP has no IPv4 connection address");
  if (!Number.isInteger(audio.port) || audio.port < 1 || audio.port > 65535) throw new SdpError("bad audio port in the SDP");
  const pts = String(audio.payloads ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const name = (pt: number) => {
    const rtp = audio.rtp.find((r) => r.payload === pt);
    if (rtp) return rtp.codec.toLowerCase() === "pcmu" ? "pcmu" : rtp.codec.toLowerCase() === "pcma" ? "pcma" : rtp.codec.toLowerCase();
    return STATIC[pt as 0 | 8] ?? null;
  };
  const offered = pts.map((pt) => ({ pt, name: name(pt) }));
  const chosen = preferred.map((p) => offered.find((o) => o.name === p)).find(Boolean);
  if (!chosen) throw new SdpError("no common codec: PCMU or PCMA is required");
  const te = audio.rtp.find((r) => r.codec.toLowerCase() === "telephone-event" && r.rate === 8000);
  const direction = (audio.direction ?? s.direction ?? "sendrecv") as Direction;
  const ssrcLine = audio.ssrcs?.[0]?.id;
  const ipInactive = ip === "0.0.0.0";
  return {
    ip,
    port: audio.port,
    codec: chosen.name as "pcmu" | "pcma",
    payloadType: chosen.pt,
    telephoneEvent: te ? te.payload : null,
    direction: ipInactive ? "inactive" : direction,
    ssrc: ssrcLine === undefined ? null : Number(ssrcLine),
  };
}

const ANSWER_DIRECTION: Record<Direction, Direction> = { sendrecv: "sendrecv", sendonly: "recvonly", recvonly: "sendonly", inactive: "inactive" };

/** Our SDP: an answer to `remote` (direction mirrored), or an offer when `remote` is null. */
export function buildSdp(o: { ip: string; port: number; sessionId: number; version: number; codec: "pcmu" | "pcma"; payloadType: number; telephoneEvent: number | null; direction: Direction; answerTo?: Direction }): string {
  const direction = o.answerTo ? ANSWER_DIRECTION[o.answerTo] : o.direction;
  const codecName = o.codec === "pcmu" ? "PCMU" : "PCMA";
  const te = o.telephoneEvent === null ? "" : String(o.telephoneEvent);
  return [
    "v=0",
    `o=hotline ${o.sessionId} ${o.version} IN IP4 ${o.ip}`,
    "s=Hotline",
    `c=IN IP4 ${o.ip}`,
    "t=0 0",
    `m=audio ${o.port} RTP/AVP ${o.payloadType}${te ? ` ${te}` : ""}`,
    `a=rtpmap:${o.payloadType} ${codecName}/8000`,
    // telephone-event only when the offer had it, on the offer's payload type (RFC 3264).
    ...(te ? [`a=rtpmap:${te} telephone-event/8000`, `a=fmtp:${te} 0-16`] : []),
    "a=ptime:20",
    `a=${direction}`,
    "",
  ].join("\r\n");
}

/** An offer of PCMU and PCMA, or of `codecs` in that order (outbound calls). */
export function buildOffer(o: { ip: string; port: number; sessionId: number; codecs?: ReadonlyArray<"pcmu" | "pcma"> }): string {
  const codecs = o.codecs?.length ? o.codecs : (["pcmu", "pcma"] as const);
  const pts = codecs.map((c) => (c === "pcmu" ? 0 : 8));
  return [
    "v=0",
    `o=hotline ${o.sessionId} 1 IN IP4 ${o.ip}`,
    "s=Hotline",
    `c=IN IP4 ${o.ip}`,
    "t=0 0",
    `m=audio ${o.port} RTP/AVP ${pts.join(" ")} 101`,
    ...codecs.map((c) => (c === "pcmu" ? "a=rtpmap:0 PCMU/8000" : "a=rtpmap:8 PCMA/8000")),
    "a=rtpmap:101 telephone-event/8000",
    "a=fmtp:101 0-16",
    "a=ptime:20",
    "a=sendrecv",
    "",
  ].join("\r\n");
}
