/**
 * A far end for tests: one UDP socket on 127.0.0.1 that sends a G.711 tone as RTP (20 ms,
 * 160 samples, paced by a timer) and keeps the audio it receives, decoded.
 */
import { createSocket, type Socket } from "node:dgram";
import { once } from "node:events";
import { buildDtmf, DtmfCollector } from "../rtp/dtmf";
import { decodeG711, encodeG711, type G711 } from "../rtp/g711";
import { buildRtp, parseRtp } from "../rtp/packet";
import { sine } from "../rtp/tone";

const SAMPLES = 160;

/** One received RTP packet's header and when it arrived. */
export interface ReceivedPacket {
  at: number;
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  size: number;
}

export class RtpPeer {
  readonly received: Buffer[] = [];
  /** Every RTP packet received (audio and DTMF), in arrival order. */
  readonly packets: ReceivedPacket[] = [];
  /** DTMF digits received as RFC 4733 events on payload type 101. */
  readonly digits: string[] = [];
  /** Each received digit's duration in samples (from its end packet). */
  readonly digitDurations: number[] = [];
  private readonly dtmf = new DtmfCollector((digit, samples) => {
    this.digits.push(digit);
    this.digitDurations.push(samples);
  });
  private timer: NodeJS.Timeout | undefined;
  // One sequence and timestamp space for audio and DTMF, as a phone sends them.
  private seq = Math.floor(Math.random() * 0xffff);
  private ts = Math.floor(Math.random() * 0xffffffff);
  private constructor(
    readonly socket: Socket,
    readonly codec: G711,
    readonly ssrc: number,
  ) {
    const pt = codec === "pcmu" ? 0 : 8;
    socket.on("message", (msg) => {
      try {
        const p = parseRtp(msg);
        const { payloadType, marker, sequenceNumber, timestamp, ssrc } = p;
        this.packets.push({ at: performance.now(), payloadType, marker, sequenceNumber, timestamp, ssrc, size: p.payload.length });
        if (p.payloadType === pt) this.received.push(Buffer.from(p.payload));
        if (p.payloadType === 101) this.dtmf.push(p.timestamp, p.payload);
      } catch {
        // RTCP and junk are not audio.
      }
    });
  }

  static async open(codec: G711, ssrc: number): Promise<RtpPeer> {
    const socket = createSocket("udp4");
    socket.bind(0, "127.0.0.1");
    await once(socket, "listening");
    return new RtpPeer(socket, codec, ssrc);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Sends `freqHz` to 127.0.0.1:`port` every 20 ms until stopped; with `cadence`, silence in the off part. */
  sendTone(port: number, freqHz: number, cadence?: { onMs: number; offMs: number }): void {
    const pt = this.codec === "pcmu" ? 0 : 8;
    let phase = 0;
    this.timer = setInterval(() => {
      const on = !cadence || ((phase / 8) % (cadence.onMs + cadence.offMs)) < cadence.onMs;
      const payload = encodeG711(this.codec, on ? sine(freqHz, 20, { phase }) : new Int16Array(SAMPLES));
      const packet = buildRtp({ payloadType: pt, marker: phase === 0, sequenceNumber: this.seq, timestamp: this.ts, ssrc: this.ssrc, payload });
      this.socket.send(packet, port, "127.0.0.1");
      this.seq = (this.seq + 1) & 0xffff;
      this.ts = (this.ts + SAMPLES) >>> 0;
      phase += SAMPLES;
    }, 20);
  }

  /**
   * One RFC 4733 digit (3 progress packets, 3 end packets) on payload type `pt`, in the audio's
   * sequence space. mediasoup opens the stream on the first audio packet, so send audio first.
   */
  sendDigit(port: number, digit: string, pt = 101): void {
    const timestamp = this.ts;
    for (let i = 1; i <= 6; i++) {
      const payload = buildDtmf({ digit, end: i > 3, volume: 10, duration: Math.min(i, 4) * 160 });
      const packet = buildRtp({ payloadType: pt, marker: i === 1, sequenceNumber: this.seq, timestamp, ssrc: this.ssrc, payload });
      this.seq = (this.seq + 1) & 0xffff;
      this.socket.send(packet, port, "127.0.0.1");
    }
  }

  /**
   * Sends captured RTP (e.g. a SIPp pcap's RFC 4733 packets) in this peer's stream: SSRC replaced,
   * sequence numbers and timestamps moved into its space with their offsets kept (so the
   * capture's repeated end packets stay repeats), paced as captured.
   */
  async replay(port: number, captured: Array<{ atUs: number; payload: Buffer }>): Promise<void> {
    const first = captured[0];
    if (!first) return;
    const p0 = parseRtp(first.payload);
    const seq0 = this.seq;
    const ts0 = this.ts;
    const t0 = performance.now();
    let maxDelta = 0;
    for (const { atUs, payload } of captured) {
      const wait = t0 + atUs / 1000 - performance.now();
      if (wait > 0) await sleep(wait);
      const p = parseRtp(payload);
      const delta = (p.sequenceNumber - p0.sequenceNumber) & 0xffff;
      maxDelta = Math.max(maxDelta, delta);
      const timestamp = (ts0 + ((p.timestamp - p0.timestamp) >>> 0)) >>> 0;
      const packet = buildRtp({ payloadType: p.payloadType, marker: p.marker, sequenceNumber: (seq0 + delta) & 0xffff, timestamp, ssrc: this.ssrc, payload: p.payload });
      this.socket.send(packet, port, "127.0.0.1");
      this.seq = (seq0 + maxDelta + 1) & 0xffff;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Everything received so far, as linear PCM. */
  audio(): Int16Array {
    return decodeG711(this.codec, Buffer.concat(this.received));
  }

  /** Audio received from now on: call the result to get it as linear PCM. */
  mark(): () => Int16Array {
    const from = this.received.length;
    return () => decodeG711(this.codec, Buffer.concat(this.received.slice(from)));
  }

  close(): void {
    this.stop();
    this.socket.close();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` is true, polling every 20 ms, for at most `ms`. */
export async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(20);
  }
}
