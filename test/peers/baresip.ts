/**
 * baresip as a real softphone in tests: its microphone is a tone file, what it hears is dumped
 * to WAV (sndfile), and it is driven over ctrl_tcp (netstring JSON: dial, hangup, DTMF, events).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { type Socket, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWav } from "@/media/rtp/wav";
import { freePort } from "./ports";
import { writeToneWav } from "./tone-file";

export interface BaresipEvent {
  type: string;
  param?: string;
  id?: string;
}

export interface Baresip {
  readonly sipPort: number;
  readonly uri: string;
  dial(uri: string): Promise<void>;
  hangup(): Promise<void>;
  sendDtmf(digit: string): Promise<void>;
  waitFor(type: string, timeoutMs?: number): Promise<BaresipEvent>;
  /** What it heard in its latest call (decoded to 16-bit PCM at 8 kHz). */
  heard(): Int16Array;
  close(): Promise<void>;
}

/**
 * What its microphone plays: a tone (`toneHz`, for two minutes), or an 8 kHz mono WAV file
 * (`sourceWav`, e.g. speech). baresip hangs up at the end of the file: make it outlast the call.
 */
type Microphone = { toneHz: number; sourceWav?: undefined } | { sourceWav: string; toneHz?: undefined };

export async function startBaresip(opts: Microphone & { user?: string; autoAnswer?: boolean }): Promise<Baresip> {
  const dir = mkdtempSync(join(tmpdir(), "hotline-baresip-"));
  // SIP on UDP and TCP at sipPort, and over TLS at sipPort + 1 (baresip opens it too).
  const sipPort = await freePort({ andNext: true });
  let ctrlPort = await freePort();
  while (ctrlPort === sipPort + 1) ctrlPort = await freePort();
  const source = opts.sourceWav !== undefined ? opts.sourceWav : writeToneWav(join(dir, "tone.wav"), opts.toneHz, 120);
  const user = opts.user ?? "caller";
  writeFileSync(
    join(dir, "config"),
    [
      "poll_method epoll",
      `sip_listen 127.0.0.1:${sipPort}`,
      `audio_source aufile,${source}`,
      "audio_player aubridge,null",
      "audio_alert aubridge,null",
      "module_path /usr/lib/baresip/modules",
      "module g711.so",
      "module aufile.so",
      "module sndfile.so",
      "module aubridge.so",
      "module_tmp account.so",
      "module_app menu.so",
      "module_app ctrl_tcp.so",
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      `snd_path ${dir}`,
      "",
    ].join("\n"),
  );
  const answer = opts.autoAnswer === false ? "manual" : "auto";
  writeFileSync(join(dir, "accounts"), `<sip:${user}@127.0.0.1:${sipPort}>;regint=0;answermode=${answer};audio_codecs=PCMU,PCMA\n`);

  const child: ChildProcess = spawn("baresip", ["-4", "-n", "127.0.0.1", "-f", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));

  const socket = await connectWithRetry(ctrlPort, child, () => output);
  const events: BaresipEvent[] = [];
  const waiters = new Set<() => void>();
  const responses = new Map<string, (r: { ok: boolean; data: string }) => void>();
  let buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) break;
      const len = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + len + 1) break;
      const msg = JSON.parse(buffer.subarray(colon + 1, colon + 1 + len).toString()) as Record<string, unknown>;
      buffer = buffer.subarray(colon + 1 + len + 1);
      if (msg.event) {
        events.push({ type: String(msg.type), param: msg.param as string | undefined, id: msg.id as string | undefined });
        for (const w of waiters) w();
      } else if (msg.response && typeof msg.token === "string") {
        responses.get(msg.token)?.({ ok: Boolean(msg.ok), data: String(msg.data ?? "") });
      }
    }
  });
  let token = 0;
  const command = (name: string, params?: string) =>
    new Promise<void>((resolve, reject) => {
      const t = String(++token);
      responses.set(t, (r) => (r.ok ? resolve() : reject(new Error(`baresip ${name}: ${r.data}`))));
      const body = Buffer.from(JSON.stringify({ command: name, params, token: t }));
      socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body, Buffer.from(",")]));
    });

  return {
    sipPort,
    uri: `sip:${user}@127.0.0.1:${sipPort}`,
    dial: (uri) => command("dial", uri),
    hangup: () => command("hangup"),
    sendDtmf: (digit) => command("sndcode", digit),
    waitFor(type, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < events.length; seen++) {
            const e = events[seen] as BaresipEvent;
            if (e.type === type) {
              events.splice(seen, 1);
              waiters.delete(check);
              clearTimeout(timer);
              resolve(e);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`baresip: no ${type} within ${timeoutMs} ms; events: ${events.map((e) => e.type).join(", ")}\n${output.slice(-2000)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    heard() {
      const dumps = readdirSync(dir).filter((f) => f.endsWith("-dec.wav")).sort();
      const last = dumps.at(-1);
      if (!last) throw new Error(`baresip dumped no audio\n${output.slice(-2000)}`);
      return readWav(join(dir, last)).data[0] ?? new Int16Array(0);
    },
    async close() {
      socket.destroy();
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            child.kill("SIGKILL");
            resolve();
          }, 3000);
          child.once("exit", () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function connectWithRetry(port: number, child: ChildProcess, output: () => string): Promise<Socket> {
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new Error(`baresip exited (${child.exitCode}):\n${output()}`);
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const s = connect(port, "127.0.0.1", () => resolve(s));
        s.once("error", reject);
      });
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`baresip's ctrl_tcp did not listen:\n${output()}`);
}
