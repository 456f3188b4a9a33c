import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Deps } from "../../context";

/** Where a call's recording is written while it runs (plain WAV) and kept after (sealed). */
export function recordingPaths(deps: Deps, tenantId: string, callId: string) {
  const dir = join(resolve(deps.dataDir), "recordings", tenantId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { plain: join(dir, `${callId}.wav`), sealed: join(dir, `${callId}.hlrec`), relativeSealed: join("recordings", tenantId, `${callId}.hlrec`) };
}

export const absolute = (deps: Deps, relative: string) => join(resolve(deps.dataDir), relative);
