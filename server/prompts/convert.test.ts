import { describe, expect, it } from "vitest";
import { decodeG711 } from "@/media/rtp/g711";
import { dominantFrequency, goertzel, rms } from "@/media/rtp/tone";
import { MAX_UPLOAD_BYTES, convertPrompt } from "./convert";
import { makeMp3, makeWav, tone } from "./fixtures";
import { resampleTo8k } from "@/media/rtp/resample";

const pcmOf = async (file: Buffer) => {
  const out = await convertPrompt(file);
  return { ...out, pcm: decodeG711("pcmu", out.ulaw) };
};
/** The middle of a signal (the filter's edges ramp in and out). */
const middle = (pcm: Int16Array) => pcm.subarray(400, pcm.length - 400);
const peakDbfs = (pcm: Int16Array) => 20 * Math.log10(pcm.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / 32768);
const db = (ratio: number) => 20 * Math.log10(ratio);

describe("uploaded prompt conversion to 8 kHz G.711 mu-law", () => {
  it("takes a 16 kHz stereo 16-bit WAV: downmixed, resampled, same tone and length", async () => {
    const left = tone(1000, 1.5, 16_000);
    const out = await pcmOf(makeWav([left, left.map((v) => v * 0.5)], 16_000, "pcm16"));
    expect(out.ulaw.length).toBe(out.pcm.length);
    expect(Math.abs(out.durationMs - 1500)).toBeLessThanOrEqual(50);
    expect(Math.abs(out.pcm.length / 8 - 1500)).toBeLessThanOrEqual(50);
    const f = dominantFrequency(middle(out.pcm), { toHz: 3990 });
    expect(f.hz).toBe(1000);
    // (0.5 + 0.25) / 2 of full scale: the two channels were averaged, and it was loud enough to be left alone.
    expect(rms(middle(out.pcm)) * Math.SQRT2).toBeCloseTo(0.375, 1);
  });

  it("takes a 44.1 kHz 32-bit float WAV", async () => {
    const out = await pcmOf(makeWav([tone(700, 2, 44_100)], 44_100, "float32"));
    expect(dominantFrequency(middle(out.pcm), { toHz: 3990 }).hz).toBe(700);
    expect(Math.abs(out.durationMs - 2000)).toBeLessThanOrEqual(50);
  });

  it("takes an 8 kHz A-law WAV, and 8/24/32-bit PCM and mu-law ones at other rates", async () => {
    const alaw = await pcmOf(makeWav([tone(440, 1, 8000)], 8000, "alaw"));
    expect(dominantFrequency(middle(alaw.pcm), { toHz: 3990 }).hz).toBe(440);
    expect(alaw.durationMs).toBe(1000);
    for (const [encoding, rate] of [["pcm8", 11_025], ["pcm24", 48_000], ["pcm32", 96_000], ["ulaw", 8000]] as const) {
      const out = await pcmOf(makeWav([tone(1200, 0.5, rate)], rate, encoding));
      expect(dominantFrequency(middle(out.pcm), { toHz: 3990 }).hz, encoding).toBe(1200);
      expect(Math.abs(out.durationMs - 500), encoding).toBeLessThanOrEqual(50);
    }
  });

  it("takes an MP3 (mono 44.1 kHz, stereo 48 kHz and MPEG-2 22.05 kHz, encoded here by lamejs)", async () => {
    const mono = await pcmOf(makeMp3([tone(1000, 2, 44_100)], 44_100));
    expect(dominantFrequency(middle(mono.pcm), { toHz: 3990 }).hz).toBe(1000);
    expect(Math.abs(mono.durationMs - 2000)).toBeLessThanOrEqual(50);
    const t = tone(600, 1, 48_000);
    const stereo = await pcmOf(makeMp3([t, t.map((v) => -v * 0.2)], 48_000, 96));
    expect(dominantFrequency(middle(stereo.pcm), { toHz: 3990 }).hz).toBe(600);
    expect(Math.abs(stereo.durationMs - 1000)).toBeLessThanOrEqual(50);
    // MPEG-2 frames are half as long; the encoder's delay and padding (no LAME tag to trim them) stay under 100 ms.
    const low = await pcmOf(makeMp3([tone(2500, 1, 22_050)], 22_050, 32));
    expect(dominantFrequency(middle(low.pcm), { toHz: 3990 }).hz).toBe(2500);
    expect(Math.abs(low.durationMs - 1000)).toBeLessThanOrEqual(100);
  });

  it("keeps a 3.5 kHz tone at 44.1 kHz, and cuts a 6 kHz one by 30 dB or more instead of folding it to 2 kHz", async () => {
    const high = await pcmOf(makeWav([tone(3500, 1, 44_100)], 44_100, "pcm16"));
    expect(dominantFrequency(middle(high.pcm), { toHz: 3990 }).hz).toBe(3500);
    expect(db(rms(middle(high.pcm)) / (0.5 / Math.SQRT2))).toBeGreaterThan(-1.5);

    const above = await pcmOf(makeWav([tone(6000, 1, 44_100)], 44_100, "pcm16"));
    expect(db(rms(middle(above.pcm)) / (0.5 / Math.SQRT2))).toBeLessThanOrEqual(-30);
    const reference = middle(decodeG711("pcmu", (await convertPrompt(makeWav([tone(2000, 1, 44_100)], 44_100, "pcm16"))).ulaw));
    expect(goertzel(middle(above.pcm), 2000)).toBeLessThan(goertzel(reference, 2000) / 1000);
  });

  it("lets nothing from 4 kHz up alias into the band (3.9 kHz and above, at common rates)", () => {
    for (const rate of [11_025, 16_000, 22_050, 32_000, 44_100, 48_000]) {
      for (const hz of [4100, 4500, 5000, 7000].filter((f) => f < rate / 2)) {
        const out = resampleTo8k(tone(hz, 1, rate), rate);
        const level = rms(Int16Array.from(out.subarray(400, out.length - 400), (v) => Math.round(v * 32767)));
        expect(db(level / (0.5 / Math.SQRT2)), `${hz} Hz at ${rate}`).toBeLessThanOrEqual(-40);
      }
      const pass = resampleTo8k(tone(3000, 1, rate), rate);
      const level = rms(Int16Array.from(pass.subarray(400, pass.length - 400), (v) => Math.round(v * 32767)));
      expect(db(level / (0.5 / Math.SQRT2)), `3 kHz at ${rate}`).toBeGreaterThan(-0.5);
    }
  });

  it("raises a quiet recording to about -3 dBFS and leaves a normal one alone", async () => {
    const quiet = await pcmOf(makeWav([tone(1000, 1, 16_000, 0.03)], 16_000, "pcm16"));
    expect(peakDbfs(middle(quiet.pcm))).toBeGreaterThan(-4);
    expect(peakDbfs(middle(quiet.pcm))).toBeLessThan(-2);
    const normal = await pcmOf(makeWav([tone(1000, 1, 16_000, 0.2)], 16_000, "pcm16"));
    expect(peakDbfs(middle(normal.pcm))).toBeCloseTo(db(0.2), 0);
  });

  it("refuses what is not a usable WAV or MP3 with a clear message", async () => {
    let seed = 7;
    const random = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 251));
    await expect(convertPrompt(random)).rejects.toThrow(/^not a WAV or MP3 file$/);
    const wav = makeWav([tone(1000, 1, 8000)], 8000, "pcm16");
    await expect(convertPrompt(wav.subarray(0, 30))).rejects.toThrow("not a WAV or MP3 file: the WAV header is cut short");
    await expect(convertPrompt(wav.subarray(0, 36))).rejects.toThrow("not a WAV or MP3 file: the WAV file is cut short (no audio data)");
    await expect(convertPrompt(wav.subarray(0, 44))).rejects.toThrow(/^empty audio/);
    await expect(convertPrompt(Buffer.alloc(0))).rejects.toThrow(/^empty audio/);
    const adpcm = Buffer.from(wav);
    adpcm.writeUInt16LE(2, 20);
    await expect(convertPrompt(adpcm)).rejects.toThrow("unsupported WAV encoding (format 2, 16-bit)");
    const id3Only = Buffer.concat([Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00", "latin1"), Buffer.alloc(200)]);
    await expect(convertPrompt(id3Only)).rejects.toThrow("not a WAV or MP3 file: no MPEG audio frames found");
  });

  it("refuses audio longer than 5 minutes and files over 10 MB", async () => {
    const sixMinutes = makeWav([new Float32Array(6 * 60 * 8000).fill(0.1)], 8000, "ulaw");
    await expect(convertPrompt(sixMinutes)).rejects.toMatchObject({ problem: "too_long", message: expect.stringMatching(/^longer than 5 minutes/) });
    const fiveMinutes = makeWav([new Float32Array(5 * 60 * 8000).fill(0.1)], 8000, "ulaw");
    expect((await convertPrompt(fiveMinutes)).durationMs).toBe(300_000);
    const sixMinuteMp3 = makeMp3([tone(500, 6 * 60, 8000, 0.3)], 8000, 8);
    await expect(convertPrompt(sixMinuteMp3)).rejects.toThrow(/^longer than 5 minutes/);
    await expect(convertPrompt(Buffer.alloc(MAX_UPLOAD_BYTES + 1))).rejects.toMatchObject({ problem: "too_large" });
  });
});
