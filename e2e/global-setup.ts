import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Removes the data folders of earlier runs whose process is gone (each run gets a fresh one). */
export default function globalSetup() {
  const current = process.env.E2E_DATA_DIR;
  for (const name of readdirSync(tmpdir())) {
    const m = /^hotline-e2e-(\d+)$/.exec(name);
    if (!m) continue;
    const dir = join(tmpdir(), name);
    if (dir === current || alive(Number(m[1]))) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
