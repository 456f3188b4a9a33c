/**
 * Server-side SIP digest (RFC 2617/3261 MD5) for trunks that authenticate: a stateless nonce
 * (time + HMAC, valid 5 minutes) in the 401 challenge, and verification of the Authorization
 * header the retried INVITE carries. (sip.js has the client side only.)
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const NONCE_TTL_MS = 5 * 60_000;

export interface DigestCredentials {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  response: string;
  qop?: string;
  nc?: string;
  cnonce?: string;
}

/** Parameters of an `Authorization: Digest a="b", c=d` header value; null when it is not one. */
export function parseAuthorization(value: string | undefined): DigestCredentials | null {
  if (!value || !/^\s*digest\s/i.test(value)) return null;
  const params: Record<string, string> = {};
  const re = /([a-z]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/gi;
  for (let m = re.exec(value); m; m = re.exec(value)) params[(m[1] ?? "").toLowerCase()] = m[2] ?? m[3] ?? "";
  const { username, realm, nonce, uri, response } = params;
  if (!username || !realm || !nonce || !uri || !response) return null;
  return { username, realm, nonce, uri, response, qop: params.qop, nc: params.nc, cnonce: params.cnonce };
}

export function createNonces(secret = randomBytes(32)) {
  const sign = (ts: string) => createHmac("sha256", secret).update(ts).digest("base64url").slice(0, 22);
  return {
    issue(now = Date.now()): string {
      const ts = now.toString(36);
      return `${ts}.${sign(ts)}`;
    },
    valid(nonce: string, now = Date.now()): boolean {
      const [ts = "", sig = ""] = nonce.split(".");
      const issued = parseInt(ts, 36);
      if (!Number.isFinite(issued) || now - issued > NONCE_TTL_MS || issued - now > 60_000) return false;
      const expected = Buffer.from(sign(ts));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** Whether `c` answers the challenge for `method` with `password`. */
export function verifyDigest(c: DigestCredentials, method: string, password: string): boolean {
  const ha1 = md5(`${c.username}:${c.realm}:${password}`);
  const ha2 = md5(`${method}:${c.uri}`);
  const expected = c.qop ? md5(`${ha1}:${c.nonce}:${c.nc ?? ""}:${c.cnonce ?? ""}:${c.qop}:${ha2}`) : md5(`${ha1}:${c.nonce}:${ha2}`);
  const a = Buffer.from(expected);
  const b = Buffer.from(c.response.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
