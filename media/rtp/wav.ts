import { closeSync, openSync, readFileSync, writeSync } from "node:fs";

/** 16-bit PCM WAV: a writer that keeps the header valid as it goes, and a reader. */

function header(channels: number, sampleRate: number, dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write("WAVE", 8, "ascii");
  h.write("fmt ", 12, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * Appends interleaved frames and writes them out, with the header's sizes, at most every
 * `syncEveryMs` (two writes a second for a call's recording rather than one per 20 ms frame),
 * so a crash leaves a playable file missing at most that much audio.
 */
export class WavWriter {
  private readonly fd: number;
  private dataBytes = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private lastSync = 0;
  private closed = false;

  constructor(
    readonly path: string,
    readonly channels = 1,
    readonly sampleRate = 8000,
    private readonly syncEveryMs = 1000,
    private readonly now: () => number = Date.now,
  ) {
    this.fd = openSync(path, "w");
    writeSync(this.fd, header(channels, sampleRate, 0), 0, 44, 0);
    this.lastSync = now();
  }

  /** Interleaved samples (L R L R … for stereo). */
  write(samples: Int16Array): void {
    if (this.closed) throw new Error("WAV writer is closed");
    // A copy: the caller may reuse its array for the next frame.
    this.pending.push(Buffer.from(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)));
    this.pendingBytes += samples.byteLength;
    if (this.now() - this.lastSync >= this.syncEveryMs) this.sync();
  }

  private sync(): void {
    if (this.pendingBytes > 0) {
      const chunks = this.pending;
      this.pending = [];
      const bytes = this.pendingBytes;
      this.pendingBytes = 0;
      writeSync(this.fd, Buffer.concat(chunks, bytes), 0, bytes, 44 + this.dataBytes);
      this.dataBytes += bytes;
    }
    writeSync(this.fd, header(this.channels, this.sampleRate, this.dataBytes), 0, 44, 0);
    this.lastSync = this.now();
  }

  close(): void {
    if (this.closed) return;
    this.sync();
    closeSync(this.fd);
    this.closed = true;
  }
}

export interface Wav {
  channels: number;
  sampleRate: number;
  /** One array per channel. */
  data: Int16Array[];
}

export const readWav = (path: string): Wav => parseWav(readFileSync(path), path);

/** A 16-bit PCM WAV file's samples, one array per channel (`name` says which file in errors). */
export function parseWav(buf: Buffer, name = "the file"): Wav {
  const path = name;
  if (buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") throw new Error(`${path} is not a WAV file`);
  let offset = 12;
  let channels = 1;
  let sampleRate = 8000;
  let bits = 16;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (buf.readUInt16LE(body) !== 1) throw new Error(`${path}: only PCM WAV is supported`);
      channels = buf.readUInt16LE(body + 2);
      sampleRate = buf.readUInt32LE(body + 4);
      bits = buf.readUInt16LE(body + 14);
    } else if (id === "data") {
      if (bits !== 16) throw new Error(`${path}: only 16-bit WAV is supported`);
      const end = Math.min(buf.length, body + size);
      const frames = Math.floor((end - body) / (2 * channels));
      const data = Array.from({ length: channels }, () => new Int16Array(frames));
      for (let f = 0; f < frames; f++) {
        for (let c = 0; c < channels; c++) (data[c] as Int16Array)[f] = buf.readInt16LE(body + 2 * (f * channels + c));
      }
      return { channels, sampleRate, data };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}
