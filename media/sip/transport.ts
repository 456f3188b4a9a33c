/**
 * The gateway's own SIP transport for sip.js's core: one UDP socket and one TCP listener on the
 * same address. Incoming bytes are framed (a datagram; Content-Length on a TCP stream) and
 * parsed by sip.js's parser; garbage is dropped and counted. Outgoing messages are routed the
 * way RFC 3261/3581 say: a response to where its request came from (remembered by the top Via
 * branch, on the same TCP connection), a request to its Request-URI (or first Route).
 */
import { type Socket as UdpSocket, createSocket } from "node:dgram";
import { type Server, type Socket, connect, createServer } from "node:net";
import { Retransmitter } from "./retransmit";
import { Core } from "./sip-core";

export type SipProtocol = "udp" | "tcp";

export interface Source {
  ip: string;
  port: number;
  transport: SipProtocol;
}

export type Incoming = (Core.IncomingRequestMessage | Core.IncomingResponseMessage) & { source?: Source };

const MAX_MESSAGE = 64 * 1024;
const HEADER_END = "\r\n\r\n";

export class SipTransport {
  readonly protocol = "UDP";
  private udp!: UdpSocket;
  private tcp!: Server;
  private readonly tcpByPeer = new Map<string, Socket>();
  /** Where a request came from, by its top Via branch (responses go back there). */
  private readonly origins = new Map<string, { source: Source; at: number }>();
  private readonly sweep: NodeJS.Timeout;
  private readonly retransmitter = new Retransmitter();
  dropped = 0;
  port = 0;

  private constructor(
    private readonly host: string,
    private readonly onMessage: (m: Incoming) => void,
    private readonly logger: Core.Logger,
  ) {
    this.sweep = setInterval(() => {
      const old = Date.now() - 64_000;
      for (const [k, v] of this.origins) if (v.at < old) this.origins.delete(k);
    }, 32_000);
    this.sweep.unref();
  }

  static async listen(host: string, port: number, onMessage: (m: Incoming) => void, logger: Core.Logger): Promise<SipTransport> {
    const t = new SipTransport(host, onMessage, logger);
    await t.bind(port);
    return t;
  }

  private async bind(port: number): Promise<void> {
    // UDP and TCP share the port number; with port 0 the UDP pick is reused for TCP.
    for (let attempt = 0; attempt < 10; attempt++) {
      this.udp = createSocket({ type: "udp4", recvBufferSize: 4 * 1024 * 1024 });
      const udpPort = await new Promise<number>((resolve, reject) => {
        this.udp.once("error", reject);
        this.udp.bind(port, this.host, () => resolve(this.udp.address().port));
      });
      this.tcp = createServer((socket) => this.acceptTcp(socket));
      const ok = await new Promise<boolean>((resolve) => {
        this.tcp.once("error", () => resolve(false));
        this.tcp.listen(udpPort, this.host, () => resolve(true));
      });
      if (ok) {
        this.port = udpPort;
        this.udp.on("message", (buf, rinfo) => this.receive(buf.toString("latin1"), { ip: rinfo.address, port: rinfo.port, transport: "udp" }));
        this.udp.on("error", (e) => this.logger.error(`UDP error: ${e.message}`));
        return;
      }
      this.udp.close();
      if (port !== 0) throw new Error(`TCP port ${port} is taken`);
    }
    throw new Error("no port free for both UDP and TCP");
  }

  private acceptTcp(socket: Socket): void {
    const source: Source = { ip: socket.remoteAddress ?? "", port: socket.remotePort ?? 0, transport: "tcp" };
    this.tcpByPeer.set(`${source.ip}:${source.port}`, socket);
    this.readStream(socket, source);
  }

  private readStream(socket: Socket, source: Source): void {
    let buffer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        buffer = buffer.replace(/^(\r\n)+/, ""); // keep-alive CRLFs
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > MAX_MESSAGE) socket.destroy(); // no header end in 64 KiB: not SIP
          return;
        }
        const m = /\r\n(?:content-length|l)[ \t]*:[ \t]*(\d+)/i.exec(buffer.slice(0, end + 2));
        const length = m ? Number(m[1]) : 0;
        if (length > MAX_MESSAGE) {
          socket.destroy();
          return;
        }
        const total = end + HEADER_END.length + length;
        if (buffer.length < total) return;
        const message = buffer.slice(0, total);
        buffer = buffer.slice(total);
        this.receive(message, source);
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.tcpByPeer.delete(`${source.ip}:${source.port}`));
  }

  private receive(text: string, source: Source): void {
    if (text.length > MAX_MESSAGE || text.length < 20) {
      this.dropped++;
      return;
    }
    let parsed: Incoming | undefined;
    try {
      parsed = Core.Parser.parseMessage(text, this.logger) as Incoming | undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || !wellFormed(parsed)) {
      this.dropped++;
      return;
    }
    parsed.source = source;
    const cseqMethod = parsed.getHeader("CSeq")?.trim().split(/\s+/)[1] ?? "";
    if (parsed instanceof Core.IncomingRequestMessage) this.retransmitter.received({ branch: parsed.viaBranch, method: parsed.method, cseqMethod, isResponse: false });
    else this.retransmitter.received({ branch: parsed.viaBranch, cseqMethod, isResponse: true });
    if (parsed instanceof Core.IncomingRequestMessage && parsed.method !== "ACK") {
      this.origins.set(parsed.viaBranch, { source, at: Date.now() });
    }
    try {
      this.onMessage(parsed);
    } catch (e) {
      this.dropped++;
      this.logger.error(`handling a ${parsed instanceof Core.IncomingRequestMessage ? parsed.method : "response"} failed: ${(e as Error).message}`);
    }
  }

  /** sip.js's core sends every message through here. */
  send(message: string): Promise<void> {
    const target = this.targetOf(message);
    if (!target) return Promise.reject(new Error("no destination for outgoing SIP message"));
    return this.sendTo(target, message);
  }

  sendTo(target: Source, message: string): Promise<void> {
    if (target.transport === "udp") {
      const bytes = Buffer.from(message, "latin1");
      this.retransmitter.sent(message, () => this.udp.send(bytes, target.port, target.ip, () => undefined));
      return new Promise((resolve, reject) => this.udp.send(bytes, target.port, target.ip, (e) => (e ? reject(e) : resolve())));
    }
    const key = `${target.ip}:${target.port}`;
    let socket = this.tcpByPeer.get(key);
    if (!socket || socket.destroyed) {
      socket = connect({ host: target.ip, port: target.port });
      this.tcpByPeer.set(key, socket);
      this.readStream(socket, target);
    }
    const s = socket;
    return new Promise((resolve, reject) => s.write(message, "latin1", (e) => (e ? reject(e) : resolve())));
  }

  private targetOf(message: string): Source | null {
    const firstLine = message.slice(0, message.indexOf("\r\n"));
    const headers = message.slice(0, message.indexOf(HEADER_END));
    if (firstLine.startsWith("SIP/2.0 ")) {
      const branch = /\r\nVia:[^\r]*?;branch=([^;\s,\r]+)/i.exec(headers)?.[1];
      const origin = branch ? this.origins.get(branch) : undefined;
      if (origin) return origin.source;
      const via = /\r\nVia:\s*SIP\/2\.0\/(UDP|TCP)\s+([^;:\s]+)(?::(\d+))?([^\r]*)/i.exec(headers);
      if (!via) return null;
      const received = /;received=([^;\s]+)/.exec(via[4] ?? "")?.[1];
      const rport = /;rport=(\d+)/.exec(via[4] ?? "")?.[1];
      return { ip: received ?? via[2] ?? "", port: Number(rport ?? via[3] ?? 5060), transport: (via[1] ?? "UDP").toLowerCase() as SipProtocol };
    }
    const route = /\r\nRoute:\s*<sip:([^>]+)>/i.exec(headers)?.[1];
    const uri = route ?? firstLine.split(" ")[1]?.replace(/^sips?:/, "") ?? "";
    const hostPort = (uri.includes("@") ? uri.slice(uri.indexOf("@") + 1) : uri).split(";")[0] ?? "";
    const [ip = "", port] = hostPort.split(":");
    const transport: SipProtocol = /;transport=tcp/i.test(uri) ? "tcp" : "udp";
    return ip ? { ip, port: Number(port ?? 5060), transport } : null;
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    this.retransmitter.close();
    for (const s of this.tcpByPeer.values()) s.destroy();
    await Promise.all([new Promise<void>((r) => this.udp.close(() => r())), new Promise<void>((r) => this.tcp.close(() => r()))]);
  }
}

/** The headers sip.js's core relies on: Via (with a branch), CSeq, Call-ID, From and To. */
function wellFormed(m: Incoming): boolean {
  if (!m.callId || !m.from || !m.to || typeof m.cseq !== "number" || Number.isNaN(m.cseq) || m.cseq < 0 || m.cseq > 2 ** 31) return false;
  if (!m.hasHeader("Via")) return false;
  if (m instanceof Core.IncomingRequestMessage) return Boolean(m.viaBranch && m.ruri && m.method);
  return typeof m.statusCode === "number";
}
