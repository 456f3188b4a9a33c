"use client";
import { audioContext, playTones } from "./audio-context";

const ON_S = 2;
const PERIOD_MS = 6000;

/** The classic North American ring: 440 + 480 Hz, 2 s on, 4 s off. Returns a stop function. */
export function startRinging(): () => void {
  const ac = audioContext();
  if (!ac) return () => undefined;
  // Everything goes through one gain node, so stopping cuts a burst that is already playing.
  const out = ac.createGain();
  out.connect(ac.destination);
  const ring = () => playTones(ac, out, [440, 480], ac.currentTime + 0.02, ON_S, 0.1);
  ring();
  const timer = setInterval(ring, PERIOD_MS);
  return () => {
    clearInterval(timer);
    out.gain.value = 0;
    out.disconnect();
  };
}
