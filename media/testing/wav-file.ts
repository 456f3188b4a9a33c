/** Test helper: WAV files in the formats a prompt may come in. */
import { linearToAlaw, linearToUlaw } from "../rtp/g711";

/** A WAV file: `tag` format, `bits` per sample, `frames` of `channels` channels from `sample(t, ch)`. */
export function wav(tag: number, bits: number, rate: number, channels: number, seconds: number, sample: (t: number, ch: number) => number, extensible = false): Buffer {
  const frames = Math.round(rate * seconds);
  const width = bits / 8;
  const data = Buffer.alloc(frames * channels * width);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const v = sample(i / rate, c);
      const at = (i * channels + c) * width;
      if (tag === 6) data[at] = linearToAlaw(Math.round(v * 32767));
      else if (tag === 7) data[at] = linearToUlaw(Math.round(v * 32767));
      else if (tag === 3) data.writeFloatLE(v, at);
      else if (bits === 8) data[at] = Math.round(v * 127) + 128;
      else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), at);
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), at, 3);
      else data.writeInt32LE(Math.round(v * 2147483647), at);
    }
  }
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  fmt.writeUInt16LE(extensible ? 0xfffe : tag, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * channels * width, 8);
  fmt.writeUInt16LE(channels * width, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(tag, 24);
  }
  const chunk = (id: string, body: Buffer) => {
    const h = Buffer.alloc(8);
    h.write(id, 0, "ascii");
    h.writeUInt32LE(body.length, 4);
    return Buffer.concat([h, body, Buffer.alloc(body.length % 2)]);
  };
  const body = Buffer.concat([Buffer.from("WAVE"), chunk("fmt ", fmt), chunk("LIST", Buffer.from("INFOjunk")), chunk("data", data)]);
  const riff = Buffer.alloc(8);
  riff.write("RIFF", 0, "ascii");
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

