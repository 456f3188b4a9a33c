/** Milliseconds as m:ss, counted down to the second (where an utterance starts, not rounded up past it). */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Plays the page's recording from `ms` (the browser loads it if it has not yet). */
export async function playFrom(audio: HTMLAudioElement, ms: number): Promise<void> {
  audio.currentTime = ms / 1000;
  await audio.play();
}
