/** RFC 4733 telephone-event payloads: parse, build, and collapse a packet stream into digits. */

const EVENTS = "0123456789*#ABCD";

export interface DtmfEvent {
  digit: string;
  end: boolean;
  volume: number;
  duration: number;
}

export class DtmfParseError extends Error {
  override readonly name = "DtmfParseError";
}

export function parseDtmf(payload: Buffer): DtmfEvent {
  if (payload.length < 4) throw new DtmfParseError(`telephone-event payload too short (${payload.length} bytes)`);
  const event = payload[0] as number;
  const digit = EVENTS[event];
  if (digit === undefined) throw new DtmfParseError(`telephone-event ${event} is not a DTMF digit`);
  const b1 = payload[1] as number;
  return { digit, end: (b1 & 0x80) !== 0, volume: b1 & 0x3f, duration: payload.readUInt16BE(2) };
}

export function buildDtmf(e: DtmfEvent): Buffer {
  const index = EVENTS.indexOf(e.digit.toUpperCase());
  if (index < 0 || e.digit.length !== 1) throw new DtmfParseError(`"${e.digit}" is not a DTMF digit`);
  const out = Buffer.alloc(4);
  out[0] = index;
  out[1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  out.writeUInt16BE(Math.min(0xffff, e.duration), 2);
  return out;
}

/**
 * Turns telephone-event packets into digits: one digit per event (keyed by RTP timestamp),
 * reported on its first end packet; the usual triple end packets and retransmits are ignored.
 */
export class DtmfCollector {
  private readonly reported = new Set<number>();
  constructor(private readonly onDigit: (digit: string, durationSamples: number) => void) {}

  push(timestamp: number, payload: Buffer): void {
    const event = parseDtmf(payload);
    if (!event.end || this.reported.has(timestamp)) return;
    this.reported.add(timestamp);
    if (this.reported.size > 64) this.reported.delete(this.reported.values().next().value as number);
    this.onDigit(event.digit, event.duration);
  }
}
