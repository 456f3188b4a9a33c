"use client";
import { audioContext, playTones } from "./audio-context";

const ROWS: Record<string, number> = { "1": 697, "2": 697, "3": 697, A: 697, "4": 770, "5": 770, "6": 770, B: 770, "7": 852, "8": 852, "9": 852, C: 852, "*": 941, "0": 941, "#": 941, D: 941 };
const COLS: Record<string, number> = { "1": 1209, "4": 1209, "7": 1209, "*": 1209, "2": 1336, "5": 1336, "8": 1336, "0": 1336, "3": 1477, "6": 1477, "9": 1477, "#": 1477, A: 1633, B: 1633, C: 1633, D: 1633 };

/** A short local DTMF tone so the agent hears the key they pressed. */
export function playDtmfTone(key: string): void {
  const ac = audioContext();
  const row = ROWS[key];
  const col = COLS[key];
  if (!ac || !row || !col) return;
  playTones(ac, ac.destination, [row, col], ac.currentTime + 0.01, 0.15, 0.06);
}
