/**
 * The RTP anchor of one SIP leg: the UDP port our SDP names. mediasoup routes incoming RTP by
 * SSRC, which SIP peers do not announce, so the anchor relays the far end's stream into the
 * leg's PlainTransport with one SSRC of our choosing (rewritten in place; a far end that
 * restarts its stream keeps working), and relays mediasoup's stream back out from the same
 * port (symmetric RTP, NAT-friendly: it follows the address the far end really sends from).
 * On the way in it reads RFC 4733 telephone-events (DTMF) and notes when audio last arrived
 * (the stale-call guard). Packets from other addresses than the far end's are dropped.
 */
import { randomInt } from "node:crypto";
import { type Socket, createSocket } from "node:dgram";
import { DtmfCollector } from "../rtp/dtmf";

export interface AnchorOptions {
  listenIp: string;
  /** Where mediasoup's PlainTransport for this leg listens (later via `setMedia` for outbound calls). */
  media?: { ip: string; port: number };
  /** The far end from its SDP; its telephone-event payload type. */
  remote: { ip: string; port: number; telephoneEvent: number | null };
  onDtmf: (digit: string) => void;
}

export class RtpAnchor {
  readonly ssrc = randomInt(1, 0xffffffff);
  private remote: { ip: string; port: number; telephoneEvent: number | null };
  private mediaPeer: { ip: string; port: number } | undefined;
  private readonly dtmf: DtmfCollector;
  lastInboundAt = Date.now();
  packetsIn = 0;
  packetsOut = 0;
  dropped = 0;
  private latched = false;
  private readonly outbound = new OutboundStream();
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    o: AnchorOptions,
  ) {
    this.remote = o.remote;
    this.mediaPeer = o.media;
    this.dtmf = new DtmfCollector((digit) => o.onDtmf(digit));
    socket.on("message", (buf, rinfo) => this.onPacket(buf, rinfo.address, rinfo.port));
    socket.on("error", () => undefined);
  }

  static async open(o: AnchorOptions): Promise<RtpAnchor> {
    const socket = createSocket({ type: "udp4", recvBufferSize: 1 << 20 });
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(0, o.listenIp, () => resolve());
    });
    return new RtpAnchor(socket, o);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** The mediasoup leg behind this anchor (known once its codec is). */
  setMedia(peer: { ip: string; port: number }): void {
    this.mediaPeer = peer;
  }

  get ip(): string {
    return this.socket.address().address;
  }

  /** A re-INVITE moved the far end (or changed its DTMF payload type). */
  update(remote: AnchorOptions["remote"]): void {
    this.remote = remote;
    this.latched = false;
  }

  private onPacket(buf: Buffer, ip: string, port: number): void {
    if (this.closed || buf.length < 12 || buf[0]! >> 6 !== 2) {
      this.dropped++;
      return;
    }
    // mediasoup's streams (RTP and RTCP, rtcp-mux) go out to the far end as one stream.
    if (this.mediaPeer && ip === this.mediaPeer.ip && port === this.mediaPeer.port) {
      this.packetsOut++;
      const pt = buf[1]! & 0x7f;
      if (pt < 72 || pt > 79) this.outbound.rewrite(buf);
      this.socket.send(buf, this.remote.port, this.remote.ip);
      return;
    }
    if (ip !== this.remote.ip) {
      this.dropped++;
      return;
    }
    // Symmetric RTP: answer to where the far end really sends from.
    if (!this.latched && port !== this.remote.port) this.remote = { ...this.remote, port };
    this.latched = true;
    const pt = buf[1]! & 0x7f;
    if (pt >= 72 && pt <= 79) {
      // RTCP from the far end: mediasoup's RTCP is its own business; drop it here.
      return;
    }
    this.lastInboundAt = Date.now();
    this.packetsIn++;
    if (pt === this.remote.telephoneEvent) {
      try {
        this.dtmf.push(buf.readUInt32BE(4), headerless(buf));
      } catch {
        this.dropped++;
      }
      return;
    }
    if (!this.mediaPeer) return;
    buf.writeUInt32BE(this.ssrc, 8);
    this.socket.send(buf, this.mediaPeer.port, this.mediaPeer.ip);
  }

  /** RFC 4733 digits sent to the far end on its telephone-event payload type. */
  async sendDtmf(digits: string, build: (digit: string) => Buffer[]): Promise<void> {
    for (const d of digits) {
      for (const packet of build(d)) {
        this.socket.send(packet, this.remote.port, this.remote.ip);
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  get telephoneEvent(): number | null {
    return this.remote.telephoneEvent;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close();
  }
}

/** The RTP payload after the fixed header, CSRCs and extension. */
function headerless(buf: Buffer): Buffer {
  const cc = buf[0]! & 0x0f;
  let offset = 12 + 4 * cc;
  if (buf[0]! & 0x10 && buf.length >= offset + 4) offset += 4 + 4 * buf.readUInt16BE(offset + 2);
  return buf.subarray(offset);
}

/**
 * What the far end hears is one RTP stream: mediasoup sends each source it forwards (the agent,
 * the next agent after a transfer, prompts, RFC 4733 DTMF) with its own SSRC, sequence and
 * timestamp base, and phones lock onto one SSRC. The anchor rewrites them into one SSRC with
 * continuous sequence numbers and timestamps (a source's offset is fixed when it appears, so
 * the packets of one DTMF event keep one timestamp).
 */
export class OutboundStream {
  readonly ssrc = randomInt(1, 0xffffffff);
  private seq = randomInt(0, 0xffff);
  private lastTs = randomInt(0, 0x7fffffff);
  private readonly sources = new Map<number, { offset: number; seenAt: number }>();

  rewrite(buf: Buffer, now = Date.now()): void {
    const ssrc = buf.readUInt32BE(8);
    const ts = buf.readUInt32BE(4);
    let source = this.sources.get(ssrc);
    // A new source (or one silent for a second) continues the timeline where it is now.
    if (!source || now - source.seenAt > 1000) {
      source = { offset: (this.lastTs + 160 - ts) >>> 0, seenAt: now };
      this.sources.set(ssrc, source);
      if (this.sources.size > 16) this.sources.delete(this.sources.keys().next().value as number);
    }
    source.seenAt = now;
    const out = (ts + source.offset) >>> 0;
    if (((out - this.lastTs) | 0) > 0) this.lastTs = out;
    buf.writeUInt16BE(this.seq, 2);
    this.seq = (this.seq + 1) & 0xffff;
    buf.writeUInt32BE(out, 4);
    buf.writeUInt32BE(this.ssrc, 8);
  }
}
