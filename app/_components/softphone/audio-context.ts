"use client";

let ctx: AudioContext | null = null;

/** One AudioContext per tab for the ring and keypad tones (resumed: a click has happened by then). */
export function audioContext(): AudioContext | null {
  if (typeof window === "undefined" || typeof window.AudioContext === "undefined") return null;
  ctx ??= new AudioContext();
  if (ctx.state === "suspended") void ctx.resume().catch(() => undefined);
  return ctx;
}

/** Plays the sum of sine tones into `out` from `start` for `seconds` (with short ramps so it does not click). */
export function playTones(ac: AudioContext, out: AudioNode, freqs: number[], start: number, seconds: number, level = 0.08): void {
  const gain = ac.createGain();
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(level, start + 0.01);
  gain.gain.setValueAtTime(level, start + seconds - 0.01);
  gain.gain.linearRampToValueAtTime(0, start + seconds);
  gain.connect(out);
  for (const f of freqs) {
    const osc = ac.createOscillator();
    osc.frequency.value = f;
    osc.connect(gain);
    osc.start(start);
    osc.stop(start + seconds);
    osc.onended = () => osc.disconnect();
  }
  setTimeout(() => gain.disconnect(), (start - ac.currentTime + seconds) * 1000 + 100);
}
