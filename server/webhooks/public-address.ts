import { isIP } from "node:net";

/**
 * Whether an address is on the public internet: not loopback, private (RFC 1918, IPv6 ULA),
 * link-local (cloud metadata lives there), CGNAT, unspecified, multicast or reserved. Webhooks
 * go only to such addresses unless the operator allows private ones (WEBHOOKS_ALLOW_PRIVATE).
 */
export function isPublicAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return isPublicV4(ip);
  if (kind !== 6) return false;
  const a = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return isPublicV4(mapped[1]);
  if (a === "::" || a === "::1") return false;
  const first = parseInt(a.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return false; // fe80::/10 link local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (a.startsWith("64:ff9b:") || a.startsWith("2001:db8:") || a.startsWith("2001:0db8:")) return false; // NAT64, documentation
  return true;
}

function isPublicV4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast/reserved
  if (a === 169 && b === 254) return false; // link local (169.254.169.254: cloud metadata)
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // CGNAT
  if (a === 192 && b === 0) return false; // 192.0.0.0/24 and 192.0.2.0/24
  if (a === 198 && (b === 18 || b === 19 || b === 51)) return false; // benchmarking, documentation
  if (a === 203 && b === 0) return false; // documentation
  return true;
}
