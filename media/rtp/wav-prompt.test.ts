import { describe, expect, it } from "vitest";
import { wav } from "../testing/wav-file";
import { busy, tone } from "./prompts";
import { dominantFrequency, goertzel, rms } from "./tone";
import { wavToPrompt } from "./wav-prompt";

const sineAt = (hz: number) => (t: number) => 0.5 * Math.sin(2 * Math.PI * hz * t);
const hz = (pcm: Int16Array) => dominantFrequency(pcm, { stepHz: 10 }).hz;

describe("wavToPrompt: any simple WAV to 8 kHz mono", () => {
  it.each([
    ["8 kHz 16-bit mono PCM", 1, 16, 8000, 1, false],
    ["8 kHz mu-law", 7, 8, 8000, 1, false],
    ["8 kHz A-law", 6, 8, 8000, 1, false],
    ["8 kHz 8-bit unsigned PCM", 1, 8, 8000, 1, false],
    ["16 kHz 24-bit stereo PCM", 1, 24, 16000, 2, false],
    ["44.1 kHz 16-bit stereo PCM", 1, 16, 44100, 2, false],
    ["48 kHz 32-bit float, WAVE_FORMAT_EXTENSIBLE", 3, 32, 48000, 1, true],
    ["22.05 kHz 32-bit PCM", 1, 32, 22050, 1, false],
    ["11.025 kHz 16-bit PCM (upsampled)", 1, 16, 11025, 1, false],
  ] as const)("%s: 1 kHz stays 1 kHz, 1 s stays 1 s", (_name, tag, bits, rate, channels, ext) => {
    const pcm = wavToPrompt(wav(tag, bits, rate, channels, 1, sineAt(1000), ext));
    expect(Math.abs(pcm.length - 8000)).toBeLessThanOrEqual(1);
    expect(hz(pcm)).toBe(1000);
    expect(rms(pcm)).toBeGreaterThan(0.3);
    expect(rms(pcm)).toBeLessThan(0.4);
  });

  it("averages channels and filters out what 8 kHz cannot carry (6 kHz would alias to 2 kHz)", () => {
    const pcm = wavToPrompt(wav(1, 16, 44100, 2, 1, (t, ch) => (ch === 0 ? sineAt(440)(t) : sineAt(6000)(t))));
    expect(hz(pcm)).toBe(440);
    expect(goertzel(pcm, 2000)).toBeLessThan(goertzel(pcm, 440) / 100);
  });

  it.each([
    ["not RIFF", Buffer.from("hello world, this is not a wav"), /not a WAV file \(no RIFF\/WAVE header\)/],
    ["ADPCM", wav(2, 4 * 2, 8000, 1, 0.1, () => 0), /unsupported WAV encoding \(format 2, 8-bit\)/],
    ["12-bit PCM", wav(1, 16, 8000, 1, 0.1, () => 0).fill(12, 34, 35), /unsupported WAV encoding \(format 1, 12-bit\)/],
    ["no data chunk", wav(1, 16, 8000, 1, 0.1, () => 0).subarray(0, 12 + 8 + 16), /the WAV file is cut short \(no audio data\)/],
    ["empty data", wav(1, 16, 8000, 1, 0, () => 0), /no samples/],
    ["truncated fmt", Buffer.concat([Buffer.from("RIFF\0\0\0\0WAVEfmt "), Buffer.from([16, 0, 0, 0, 1, 0])]), /the WAV header is cut short/],
    ["zero channels", wav(1, 16, 8000, 1, 0.1, () => 0).fill(0, 22, 24), /channel count 0/],
    ["1 Hz rate", wav(1, 16, 8000, 1, 0.1, () => 0).fill(0, 24, 28).fill(1, 24, 25), /sample rate 1 Hz/],
  ])("refuses %s", (_name, buf, message) => {
    expect(() => wavToPrompt(buf)).toThrow(message);
  });
});

describe("tones", () => {
  it("busy is 480 + 620 Hz, 0.5 s on, 0.5 s off", () => {
    const b = busy();
    expect(b.length).toBe(8000);
    const on = b.subarray(0, 4000);
    expect(goertzel(on, 480)).toBeGreaterThan(100 * goertzel(on, 440));
    expect(goertzel(on, 620)).toBeGreaterThan(100 * goertzel(on, 440));
    expect(rms(b.subarray(4000))).toBe(0);
  });

  it("a cadence repeats within the duration", () => {
    const t = tone({ frequencies: [1000], durationMs: 1000, onMs: 100, offMs: 150 });
    expect(t.length).toBe(8000);
    expect(rms(t.subarray(0, 800))).toBeGreaterThan(0.2);
    expect(rms(t.subarray(800, 2000))).toBe(0);
    expect(rms(t.subarray(2000, 2800))).toBeGreaterThan(0.2);
  });
});
