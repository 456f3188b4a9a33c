import { isIPv4, isIPv6 } from "node:net";

/** "ip" or "ip/prefix" (IPv4 or IPv6); returns an error message or null. */
export function checkAddressOrCidr(value: string): string | null {
  const [ip, prefix, extra] = value.split("/");
  if (ip === undefined || extra !== undefined) return `${value} is not an IP address or CIDR`;
  const bits = isIPv4(ip) ? 32 : isIPv6(ip) ? 128 : 0;
  if (bits === 0) return `${value} is not an IP address or CIDR`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)) return `${value} has a bad prefix length`;
  return null;
}

function toBigInt(ip: string): { value: bigint; bits: number } | null {
  const v4 = ip.startsWith("::ffff:") && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return { value: v4.split(".").reduce((n, o) => (n << 8n) + BigInt(Number(o)), 0n), bits: 32 };
  if (!isIPv6(ip)) return null;
  const [head = "", tail = ""] = ip.split("::");
  const parts = (s: string) => (s === "" ? [] : s.split(":"));
  const h = parts(head);
  const t = parts(tail);
  const groups = ip.includes("::") ? [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t] : h;
  return { value: groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

/** True when `ip` is the address or inside the CIDR. */
export function addressMatches(ip: string, addressOrCidr: string): boolean {
  const [base = "", prefixText] = addressOrCidr.split("/");
  const a = toBigInt(ip);
  const b = toBigInt(base);
  if (!a || !b || a.bits !== b.bits) return false;
  const prefix = prefixText === undefined ? b.bits : Number(prefixText);
  const shift = BigInt(b.bits - prefix);
  return a.value >> shift === b.value >> shift;
}
