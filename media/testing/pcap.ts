/** Test helper: the UDP payloads of a classic libpcap file (Ethernet or Linux cooked, IPv4). */
import { readFileSync } from "node:fs";

export interface PcapPacket {
  /** Capture time in microseconds from the first packet. */
  atUs: number;
  payload: Buffer;
}

export function readPcapUdp(path: string): PcapPacket[] {
  const d = readFileSync(path);
  const magic = d.readUInt32LE(0);
  if (magic !== 0xa1b2c3d4) throw new Error(`${path}: not a little-endian microsecond pcap`);
  const link = d.readUInt32LE(20);
  const l2 = link === 1 ? 14 : link === 113 ? 16 : link === 101 ? 0 : -1;
  if (l2 < 0) throw new Error(`${path}: link type ${link} not supported`);
  const out: PcapPacket[] = [];
  let first: number | undefined;
  for (let o = 24; o + 16 <= d.length; ) {
    const us = d.readUInt32LE(o) * 1e6 + d.readUInt32LE(o + 4);
    const incl = d.readUInt32LE(o + 8);
    const frame = d.subarray(o + 16, o + 16 + incl);
    o += 16 + incl;
    const ip = frame.subarray(l2);
    if (ip.length < 20 || ip[0] === undefined || ip[0] >> 4 !== 4 || ip[9] !== 17) continue;
    const udp = ip.subarray((ip[0] & 15) * 4);
    first ??= us;
    out.push({ atUs: us - first, payload: Buffer.from(udp.subarray(8, udp.readUInt16BE(4))) });
  }
  return out;
}
