import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSealed, sealFile, tenantKey } from "./vault";

const dir = mkdtempSync(join(tmpdir(), "hotline-vault-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("recording vault", () => {
  const plain = join(dir, "a.wav");
  const sealed = join(dir, "a.hlrec");
  const data = randomBytes(200_000);
  writeFileSync(plain, data);
  const key = tenantKey("s".repeat(40), "tenant-a");

  it("round-trips a file in chunks and stores nothing readable", async () => {
    await sealFile(plain, sealed, key);
    expect(readFileSync(sealed).includes(data.subarray(0, 64))).toBe(false);
    expect(Buffer.concat([...openSealed(sealed, key)])).toEqual(data);
  });

  it("refuses another tenant's key and a flipped byte", () => {
    expect(() => [...openSealed(sealed, tenantKey("s".repeat(40), "tenant-b"))]).toThrow();
    const bytes = readFileSync(sealed);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    writeFileSync(join(dir, "bad.hlrec"), bytes);
    expect(() => [...openSealed(join(dir, "bad.hlrec"), key)]).toThrow();
  });
});
