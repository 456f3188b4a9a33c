/**
 * A background job's loop (webhook deliveries, transcripts): a round every `intervalMs` and on
 * `kick()`, never two at once. `close()` stops the timer, aborts the rounds' signal (work in
 * flight stops where it can) and waits for the round in progress.
 */
export function startRounds(opts: { intervalMs: number; round: (signal: AbortSignal) => Promise<void>; onError: (e: unknown) => void; signal?: AbortSignal }) {
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  let current: Promise<void> | null = null;
  const kick = () => {
    if (current || signal.aborted) return;
    current = opts
      .round(signal)
      .catch(opts.onError)
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(kick, opts.intervalMs);
  timer.unref();
  return {
    kick,
    async close() {
      clearInterval(timer);
      stop.abort();
      await current;
    },
  };
}
