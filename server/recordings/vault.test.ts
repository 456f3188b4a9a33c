import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { indexSealed, readSealed, sealFile, tenantKey } from "./vault";

const dir = mkdtempSync(join(tmpdir(), "hotline-vault-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The whole plaintext of a sealed file. */
async function openSealed(path: string, key: Buffer): Promise<Buffer> {
  const index = await indexSealed(path);
  const parts: Buffer[] = [];
  for await (const p of readSealed(path, key, index, 0, index.size - 1)) parts.push(p);
  return Buffer.concat(parts);
}

describe("recording vault", () => {
  const plain = join(dir, "a.wav");
  const sealed = join(dir, "a.hlrec");
  const data = randomBytes(200_000);
  writeFileSync(plain, data);
  const key = tenantKey("s".repeat(40), "tenant-a");

  it("round-trips a file in chunks and stores nothing readable", async () => {
    await sealFile(plain, sealed, key);
    expect(readFileSync(sealed).includes(data.subarray(0, 64))).toBe(false);
    expect(await openSealed(sealed, key)).toEqual(data);
  });

  it("refuses another tenant's key and a flipped byte", async () => {
    await expect(openSealed(sealed, tenantKey("s".repeat(40), "tenant-b"))).rejects.toThrow();
    const bytes = readFileSync(sealed);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    writeFileSync(join(dir, "bad.hlrec"), bytes);
    await expect(openSealed(join(dir, "bad.hlrec"), key)).rejects.toThrow();
  });

  it("reads any byte range, across chunk boundaries, decrypting only the chunks it covers", async () => {
    await sealFile(plain, sealed, key);
    const index = await indexSealed(sealed);
    expect(index.size).toBe(data.length);
    expect(index.chunks.length).toBe(4); // 64 KiB chunks
    const read = async (start: number, end: number) => {
      const parts: Buffer[] = [];
      for await (const p of readSealed(sealed, key, index, start, end)) parts.push(p);
      return { bytes: Buffer.concat(parts), chunks: parts.length };
    };
    for (const [start, end] of [[0, 0], [0, data.length - 1], [65_535, 65_536], [100_000, 199_999], [131_072, 131_072 + 65_535], [199_999, 199_999]] as const) {
      expect((await read(start, end)).bytes).toEqual(data.subarray(start, end + 1));
    }
    expect((await read(150_000, 150_010)).chunks).toBe(1);
    const bytes = readFileSync(sealed);
    const flip = index.chunks[3]!.at + 40; // in the last chunk only
    bytes[flip] = (bytes[flip] ?? 0) ^ 1;
    writeFileSync(join(dir, "tail.hlrec"), bytes);
    const tail = await indexSealed(join(dir, "tail.hlrec"));
    const first: Buffer[] = [];
    for await (const p of readSealed(join(dir, "tail.hlrec"), key, tail, 0, 1000)) first.push(p);
    expect(Buffer.concat(first)).toEqual(data.subarray(0, 1001));
    await expect(async () => {
      for await (const _ of readSealed(join(dir, "tail.hlrec"), key, tail, 199_000, 199_999)) void _;
    }).rejects.toThrow();
    writeFileSync(join(dir, "short.hlrec"), bytes.subarray(0, bytes.length - 10));
    await expect(indexSealed(join(dir, "short.hlrec"))).rejects.toThrow(/bad chunk|truncated/);
  });
});
