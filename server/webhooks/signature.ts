import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `Hotline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`: the HMAC, keyed with the whole
 * secret (`whsec_...`), is over `<t>.<raw body>`. Receivers recompute it over the bytes they got.
 */
export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmacHex(secret, unixSeconds, rawBody)}`;
}

const hmacHex = (secret: string, t: number | string, rawBody: string | Uint8Array) =>
  createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest("hex");

/**
 * True when `header` signs `rawBody` with `secret` and its time is within `toleranceSec` of now
 * (older requests are refused as replays). Give it the body exactly as received, before parsing.
 */
export function verifySignature(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, toleranceSec = 300, nowMs = Date.now()): boolean {
  if (!header) return false;
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    const [key, value] = [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (key === "t") t = value;
    else if (key === "v1") v1.push(value);
  }
  if (!t || !/^\d{1,12}$/.test(t) || v1.length === 0) return false;
  if (Math.abs(nowMs / 1000 - Number(t)) > toleranceSec) return false;
  const expected = Buffer.from(hmacHex(secret, t, rawBody), "hex");
  return v1.some((sig) => {
    const given = Buffer.from(/^[0-9a-f]{64}$/i.test(sig) ? sig : "", "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
