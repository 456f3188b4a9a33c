/**
 * One byte range of a `Range: bytes=...` header (RFC 9110 §14), for a body of `size` bytes:
 * `{ start, end }` (inclusive), "unsatisfiable" (416), or null to send the whole body (no
 * header, another unit, several ranges, or a malformed one: a server may ignore those).
 */
export function byteRange(header: string | null, size: number): { start: number; end: number } | "unsatisfiable" | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const [first, last] = [m[1] ? Number(m[1]) : undefined, m[2] ? Number(m[2]) : undefined];
  if (first === undefined) {
    // bytes=-N: the last N bytes.
    if (!last || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - last), end: size - 1 };
  }
  if (last !== undefined && last < first) return null;
  if (first >= size) return "unsatisfiable";
  return { start: first, end: Math.min(size - 1, last ?? size - 1) };
}
