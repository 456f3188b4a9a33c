import { createSocket } from "node:dgram";
import { createServer } from "node:net";

const tcpFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
const udpFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const u = createSocket("udp4");
    u.once("error", () => resolve(false));
    u.bind(port, "127.0.0.1", () => u.close(() => resolve(true)));
  });

/**
 * A port free for both UDP and TCP on 127.0.0.1 right now (peers that cannot take port 0);
 * `andNext`: the port after it is free for TCP too (baresip listens for SIP over TLS there).
 */
export async function freePort(o: { andNext?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    if (port >= 65535 && o.andNext) continue;
    if ((await udpFree(port)) && (!o.andNext || (await tcpFree(port + 1)))) return port;
  }
  throw new Error("no free port found");
}
