/**
 * RFC 3261 retransmissions over UDP, which sip.js's core leaves out (it assumes a reliable
 * transport; see README.md): Timer A/E resend our requests until a response with their branch
 * arrives, Timer G resends a non-2xx final response to an INVITE until its ACK arrives. 2xx
 * responses are resent by sip.js's dialog itself. Everything stops after 64*T1.
 */
const T1 = 500;
const T2 = 4000;
const GIVE_UP = 64 * T1;

interface Pending {
  timer: NodeJS.Timeout;
}

export class Retransmitter {
  private readonly requests = new Map<string, Pending>();
  private readonly responses = new Map<string, Pending>();

  /** Called for every message sent over UDP; `resend` sends it again the same way. */
  sent(message: string, resend: () => void): void {
    const branch = topViaBranch(message);
    if (!branch) return;
    if (message.startsWith("SIP/2.0 ")) {
      const status = Number(message.slice(8, 11));
      if (status >= 300 && /\r\nCSeq:\s*\d+\s+INVITE\r\n/i.test(message)) this.schedule(this.responses, branch, resend, true);
      return;
    }
    const method = message.slice(0, message.indexOf(" "));
    if (method === "ACK") return;
    this.schedule(this.requests, `${branch}:${method}`, resend, method !== "INVITE");
  }

  /** Called for every message received: a response stops its request's timer, an ACK its response's. */
  received(message: { branch: string; method?: string; cseqMethod: string; isResponse: boolean }): void {
    if (message.isResponse) this.stop(this.requests, `${message.branch}:${message.cseqMethod}`);
    else if (message.method === "ACK") this.stop(this.responses, message.branch);
  }

  private schedule(map: Map<string, Pending>, key: string, resend: () => void, capAtT2: boolean): void {
    this.stop(map, key);
    const started = Date.now();
    let interval = T1;
    const tick = () => {
      if (Date.now() - started >= GIVE_UP) {
        map.delete(key);
        return;
      }
      resend();
      interval = capAtT2 ? Math.min(interval * 2, T2) : interval * 2;
      entry.timer = setTimeout(tick, interval);
      entry.timer.unref();
    };
    const entry: Pending = { timer: setTimeout(tick, interval) };
    entry.timer.unref();
    map.set(key, entry);
  }

  private stop(map: Map<string, Pending>, key: string): void {
    const p = map.get(key);
    if (!p) return;
    clearTimeout(p.timer);
    map.delete(key);
  }

  close(): void {
    for (const map of [this.requests, this.responses]) {
      for (const p of map.values()) clearTimeout(p.timer);
      map.clear();
    }
  }
}

function topViaBranch(message: string): string | undefined {
  return /\r\n(?:Via|v):[^\r]*?;branch=([^;\s,\r]+)/i.exec(message)?.[1];
}
