/**
 * Recordings at rest: AES-256-GCM under a per-tenant key derived from APP_SECRET (HKDF), in
 * chunks so a long recording streams back without being held in memory. File layout:
 *   "HLREC1" | repeated: iv (12) | length (4, BE) | ciphertext | tag (16)
 * A chunk that fails authentication stops the read (tampering or the wrong tenant's key).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { open } from "node:fs/promises";

const MAGIC = Buffer.from("HLREC1");
const CHUNK = 64 * 1024;

export function tenantKey(secret: string, tenantId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "hotline-recordings", tenantId, 32));
}

/**
 * Encrypts `plainPath` into `sealedPath`, chunk by chunk with asynchronous reads and writes: an
 * hour-long call is about 115 MB, and sealing it must not hold up the event loop that paces every
 * other call's audio.
 */
export async function sealFile(plainPath: string, sealedPath: string, key: Buffer): Promise<void> {
  const input = await open(plainPath, "r");
  try {
    const output = await open(sealedPath, "w", 0o600);
    try {
      await output.write(MAGIC);
      const buf = Buffer.alloc(CHUNK);
      for (;;) {
        const { bytesRead: n } = await input.read(buf, 0, CHUNK, null);
        if (n === 0) break;
        const iv = randomBytes(12);
        const cipher = createCipheriv("aes-256-gcm", key, iv);
        const body = Buffer.concat([cipher.update(buf.subarray(0, n)), cipher.final()]);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(body.length);
        await output.write(Buffer.concat([iv, len, body, cipher.getAuthTag()]));
      }
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

/** A sealed recording's plaintext length, and where each chunk's plaintext starts. */
export interface SealedIndex {
  size: number;
  chunks: Array<{ at: number; len: number; from: number }>;
}

/** Reads the chunks' headers only (16 bytes each): a byte range is served without decrypting what comes before it. */
export async function indexSealed(sealedPath: string): Promise<SealedIndex> {
  const file = await open(sealedPath, "r");
  try {
    const head = Buffer.alloc(MAGIC.length);
    if ((await file.read(head, 0, head.length, 0)).bytesRead !== head.length || !head.equals(MAGIC)) throw new Error("not a sealed recording");
    const { size: fileSize } = await file.stat();
    const meta = Buffer.alloc(16);
    const index: SealedIndex = { size: 0, chunks: [] };
    for (let at = MAGIC.length; at < fileSize; ) {
      if ((await file.read(meta, 0, 16, at)).bytesRead !== 16) throw new Error("sealed recording is truncated");
      const len = meta.readUInt32BE(12);
      if (len > CHUNK + 16 || at + 32 + len > fileSize) throw new Error("sealed recording has a bad chunk");
      index.chunks.push({ at, len, from: index.size });
      index.size += len;
      at += 32 + len;
    }
    return index;
  } finally {
    await file.close();
  }
}

/** Decrypts plaintext bytes `start`..`end` (inclusive) a chunk at a time, reading asynchronously. */
export async function* readSealed(sealedPath: string, key: Buffer, index: SealedIndex, start: number, end: number): AsyncGenerator<Buffer> {
  const file = await open(sealedPath, "r");
  try {
    for (const c of index.chunks) {
      if (c.from + c.len <= start) continue;
      if (c.from > end) return;
      const raw = Buffer.alloc(32 + c.len);
      if ((await file.read(raw, 0, raw.length, c.at)).bytesRead !== raw.length) throw new Error("sealed recording is truncated");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(16 + c.len));
      const plain = Buffer.concat([decipher.update(raw.subarray(16, 16 + c.len)), decipher.final()]);
      yield plain.subarray(Math.max(0, start - c.from), Math.min(c.len, end + 1 - c.from));
    }
  } finally {
    await file.close();
  }
}
