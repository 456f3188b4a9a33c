/** RTP (RFC 3550) fixed header: parse and build. No CSRC or extensions are produced. */

export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

export class RtpParseError extends Error {
  override readonly name = "RtpParseError";
}

export function parseRtp(buf: Buffer): RtpPacket {
  if (buf.length < 12) throw new RtpParseError(`RTP packet too short (${buf.length} bytes)`);
  const b0 = buf[0] as number;
  const b1 = buf[1] as number;
  if (b0 >> 6 !== 2) throw new RtpParseError(`not RTP version 2 (version ${b0 >> 6})`);
  const padding = (b0 & 0x20) !== 0;
  const extension = (b0 & 0x10) !== 0;
  const csrcCount = b0 & 0x0f;
  let offset = 12 + 4 * csrcCount;
  if (extension) {
    if (buf.length < offset + 4) throw new RtpParseError("truncated RTP header extension");
    offset += 4 + 4 * buf.readUInt16BE(offset + 2);
  }
  let end = buf.length;
  if (padding) end -= buf[buf.length - 1] as number;
  if (offset > end) throw new RtpParseError("RTP header longer than the packet");
  return {
    payloadType: b1 & 0x7f,
    marker: (b1 & 0x80) !== 0,
    sequenceNumber: buf.readUInt16BE(2),
    timestamp: buf.readUInt32BE(4),
    ssrc: buf.readUInt32BE(8),
    payload: buf.subarray(offset, end),
  };
}

export function buildRtp(p: RtpPacket): Buffer {
  const out = Buffer.allocUnsafe(12 + p.payload.length);
  out[0] = 0x80;
  out[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  out.writeUInt16BE(p.sequenceNumber & 0xffff, 2);
  out.writeUInt32BE(p.timestamp >>> 0, 4);
  out.writeUInt32BE(p.ssrc >>> 0, 8);
  p.payload.copy(out, 12);
  return out;
}
