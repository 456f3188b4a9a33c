/**
 * SIPp for the gateway's tests: runs a scenario from ./scenarios on its own free ports,
 * resolves with its exit code and the SIP messages it traced; `kill` for afterEach.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@/test/peers/ports";
import { encodeG711 } from "../rtp/g711";
import { sine } from "../rtp/tone";

const SCENARIOS = fileURLToPath(new URL("./scenarios", import.meta.url));
const running = new Set<ChildProcess>();

export interface SippRun {
  /** SIPp's own SIP port (a UAS's address for dial). */
  port: number;
  done: Promise<{ code: number | null; messages: string; stderr: string }>;
}

/** A raw u-law tone file for `<exec rtp_stream=...>` (no sox needed). */
export function writeUlawTone(path: string, hz: number, seconds: number): void {
  writeFileSync(path, encodeG711("pcmu", sine(hz, seconds * 1000, { amplitude: 0.4 })));
}

/** `toneHz`: written as tone.ulaw in SIPp's working folder for the scenarios' rtp_stream. */
export async function runSipp(o: { scenario: string; toneHz?: number; target?: string; service?: string; transport?: "udp" | "tcp"; extra?: string[]; timeoutS?: number }): Promise<SippRun> {
  const dir = mkdtempSync(join(tmpdir(), "sipp-"));
  if (o.toneHz) writeUlawTone(join(dir, "tone.ulaw"), o.toneHz, 2);
  const port = await freePort();
  const messages = join(dir, "messages.log");
  const attempt = (mediaPort: number) => {
    const args = [
      "-sf", join(SCENARIOS, o.scenario),
      "-i", "127.0.0.1", "-p", String(port), "-mi", "127.0.0.1", "-mp", String(mediaPort),
      "-m", "1", "-nostdin", "-trace_msg", "-message_file", messages,
      "-timeout", `${o.timeoutS ?? 20}s`, "-timeout_error",
      "-t", o.transport === "tcp" ? "t1" : "u1",
      ...(o.service ? ["-s", o.service] : []),
      ...(o.extra ?? []),
      ...(o.target ? [o.target] : []),
    ];
    const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    running.add(child);
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      child.on("exit", (code) => {
        running.delete(child);
        resolve({ code, stderr });
      });
    });
  };
  const done = (async () => {
    // A port found free a moment ago can be taken by a parallel test before SIPp binds it (SIPp
    // binds its media port and the ones after it too): SIPp stops at once; run it again.
    let run = await attempt(await freePort());
    for (let retry = 0; retry < 2 && run.code !== 0 && /bind|in use/i.test(run.stderr); retry++) run = await attempt(await freePort());
    let log = "";
    try {
      log = readFileSync(messages, "utf8");
    } catch {
      // SIPp wrote nothing.
    }
    rmSync(dir, { recursive: true, force: true });
    return { code: run.code, messages: log, stderr: run.stderr };
  })();
  return { port, done };
}

export function killSipps(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}
