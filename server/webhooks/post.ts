/**
 * One webhook POST over node:http(s): no redirects followed, an overall timeout, and the address
 * actually connected to checked at connect time (a `lookup` hook, so DNS cannot answer a public
 * address to the check and a private one to the connection): loopback, private and link-local
 * targets are refused unless `allowPrivate`.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./public-address";

export type PostOutcome = { status: number | null; error: string | null; location?: string | null; body?: string } | "stopped";

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
  /** Keep up to this many bytes of the answer's body (default: none). */
  readBody?: number;
}

class Refused extends Error {}

/** dns.lookup that fails for non-public addresses (or any address when private ones are allowed). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      const first = usable[0];
      if (!first) return callback(new Refused(`${hostname} resolves to a private or local address (${addresses.map((a) => a.address).join(", ")}); webhooks go to public addresses only`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

export function postOnce(url: string, body: string, headers: Record<string, string>, o: PostOptions): Promise<PostOutcome> {
  const u = new URL(url);
  const request = u.protocol === "https:" ? httpsRequest : httpRequest;
  const literal = u.hostname.replace(/^\[|\]$/g, "");
  if (!o.allowPrivate && /^[\d.]+$|:/.test(literal) && !isPublicAddress(literal)) {
    return Promise.resolve({ status: null, error: `${literal} is a private or local address; webhooks go to public addresses only` });
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (out: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(out);
    };
    const req = request(
      u,
      { method: "POST", headers: { ...headers, "Content-Length": Buffer.byteLength(body) }, lookup: guardedLookup(o.allowPrivate), signal: o.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (c: Buffer) => {
          if (kept >= (o.readBody ?? 0)) return; // beyond what is wanted: read and dropped
          chunks.push(c);
          kept += c.length;
        });
        const out = () => ({ status: res.statusCode ?? null, error: null, location: res.headers.location ?? null, body: Buffer.concat(chunks).subarray(0, o.readBody ?? 0).toString("utf8") });
        res.on("end", () => done(out()));
        res.on("error", () => done(out()));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ status: null, error: `No answer within ${o.timeoutMs / 1000} s` });
    }, o.timeoutMs);
    req.on("error", (e) => {
      if (o.signal?.aborted) return done("stopped");
      const cause = e instanceof Refused ? e : ((e as { cause?: unknown }).cause instanceof Error ? ((e as { cause: Error }).cause) : e);
      done({ status: null, error: (cause.message || "The request failed").slice(0, 500) });
    });
    req.end(body);
  });
}
