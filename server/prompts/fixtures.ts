/** Test audio files made on the fly (no binary fixtures): WAV in any encoding, and MP3 through lamejs. */
import { Mp3Encoder } from "@breezystack/lamejs";
import { linearToAlaw, linearToUlaw } from "@/media/rtp/g711";

export type WavEncoding = "pcm8" | "pcm16" | "pcm24" | "pcm32" | "float32" | "alaw" | "ulaw";

/** A sine of `hz` at `amplitude` (0..1 of full scale), as float samples. */
export function tone(hz: number, seconds: number, rate: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

const FORMAT: Record<WavEncoding, { tag: number; bits: number }> = {
  pcm8: { tag: 1, bits: 8 },
  pcm16: { tag: 1, bits: 16 },
  pcm24: { tag: 1, bits: 24 },
  pcm32: { tag: 1, bits: 32 },
  float32: { tag: 3, bits: 32 },
  alaw: { tag: 6, bits: 8 },
  ulaw: { tag: 7, bits: 8 },
};

/** A WAV file of `channels` (one array each, same length) at `rate` in `encoding`. */
export function makeWav(channels: Float32Array[], rate: number, encoding: WavEncoding): Buffer {
  const { tag, bits } = FORMAT[encoding];
  const width = bits / 8;
  const frames = channels[0]?.length ?? 0;
  const data = Buffer.alloc(frames * channels.length * width);
  const int16 = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 32767);
  for (let i = 0; i < frames; i++) {
    channels.forEach((ch, c) => {
      const v = ch[i] ?? 0;
      const at = (i * channels.length + c) * width;
      if (encoding === "pcm8") data[at] = Math.round(128 + Math.max(-1, Math.min(1, v)) * 127);
      else if (encoding === "pcm16") data.writeInt16LE(int16(v), at);
      else if (encoding === "pcm24") data.writeIntLE(Math.round(Math.max(-1, Math.min(1, v)) * 8388607), at, 3);
      else if (encoding === "pcm32") data.writeInt32LE(Math.round(Math.max(-1, Math.min(1, v)) * 2147483647), at);
      else if (encoding === "float32") data.writeFloatLE(v, at);
      else if (encoding === "alaw") data[at] = linearToAlaw(int16(v));
      else data[at] = linearToUlaw(int16(v));
    });
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(tag, 20);
  header.writeUInt16LE(channels.length, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels.length * width, 28);
  header.writeUInt16LE(channels.length * width, 32);
  header.writeUInt16LE(bits, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** An MP3 of mono or stereo float samples, encoded by lamejs at `kbps`. */
export function makeMp3(channels: Float32Array[], rate: number, kbps = 64): Buffer {
  const toInt16 = (f: Float32Array) => Int16Array.from(f, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767));
  const [left, right] = channels.map(toInt16);
  if (!left) throw new Error("makeMp3 needs a channel");
  const encoder = new Mp3Encoder(channels.length, rate, kbps);
  const parts: Buffer[] = [];
  const push = (b: Uint8Array | Int8Array) => parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  for (let i = 0; i < left.length; i += 1152) push(encoder.encodeBuffer(left.subarray(i, i + 1152), right?.subarray(i, i + 1152)));
  push(encoder.flush());
  return Buffer.concat(parts);
}
