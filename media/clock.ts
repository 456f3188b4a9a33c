/**
 * One 10 ms timer for the whole process, however many calls run: each subscriber (a call's
 * audio) works out from its own start how many 20 ms frames are due, so calls keep their own
 * phase and a late timer never makes a call drift.
 */
const subscribers = new Set<() => void>();
let timer: NodeJS.Timeout | undefined;

export const CLOCK_RESOLUTION_MS = 10;

export function onClockTick(listener: () => void): () => void {
  subscribers.add(listener);
  timer ??= setInterval(() => {
    for (const s of subscribers) s();
  }, CLOCK_RESOLUTION_MS);
  return () => {
    subscribers.delete(listener);
    if (subscribers.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
