import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Tokens are stored as HMACs keyed by APP_SECRET: a database leak yields nothing usable. */
export const tokenHash = (secret: string, token: string) =>
  createHmac("sha256", secret).update(token).digest("base64url");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
