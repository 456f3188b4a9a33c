/**
 * RFC 4733 digits to the far end of an answered SIP leg, on the payload type its SDP gave for
 * telephone-event, sent from the leg's RTP anchor (its own SSRC and sequence space).
 */
import { randomInt } from "node:crypto";
import { buildDtmf } from "../rtp/dtmf";
import { buildRtp } from "../rtp/packet";
import type { SipCall } from "./sip-call";

export async function sendDtmf(call: SipCall | undefined, digits: string): Promise<void> {
  if (!call?.anchor || call.state !== "answered") throw new Error("the call has no answered SIP leg");
  const pt = call.anchor.telephoneEvent;
  if (pt === null) throw new Error("the far end did not offer telephone-event (RFC 4733)");
  let seq = randomInt(0, 0xffff);
  let ts = randomInt(0, 2 ** 31);
  const ssrc = randomInt(1, 0xffffffff);
  await call.anchor.sendDtmf(digits, (digit) => {
    ts += 1600;
    const packets: Buffer[] = [];
    for (let i = 1; i <= 5; i++) {
      const end = i === 5;
      for (let r = 0; r < (end ? 3 : 1); r++) {
        packets.push(buildRtp({ payloadType: pt, marker: i === 1, sequenceNumber: seq++ & 0xffff, timestamp: ts, ssrc, payload: buildDtmf({ digit, end, volume: 10, duration: i * 160 }) }));
      }
    }
    return packets;
  });
}
