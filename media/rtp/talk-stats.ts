/**
 * Voice activity of a two-channel call recording (left: caller, right: agent), frame by frame
 * (20 ms): who talked how long, silence, and talk-over, for quality review. A frame is speech
 * when its level is above an absolute floor and well above the channel's own noise floor.
 */
export interface TalkStats {
  durationMs: number;
  callerTalkMs: number;
  agentTalkMs: number;
  /** Both talking at once. */
  talkOverMs: number;
  /** Neither talking. */
  silenceMs: number;
  /** The longest stretch of silence. */
  longestSilenceMs: number;
  /** Agent talk time / all talk time (0..1). */
  agentTalkRatio: number;
}

const FRAME = 160; // 20 ms at 8 kHz

function frameLevels(pcm: Int16Array): Float64Array {
  const n = Math.floor(pcm.length / FRAME);
  const out = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let sum = 0;
    for (let i = f * FRAME; i < (f + 1) * FRAME; i++) sum += (pcm[i] as number) ** 2;
    out[f] = Math.sqrt(sum / FRAME) / 32768;
  }
  return out;
}

/** Speech frames: above -45 dBFS and 6 dB over the channel's 10th-percentile level. */
function speech(levels: Float64Array): Uint8Array {
  const sorted = Float64Array.from(levels).sort();
  const floor = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  const threshold = Math.max(0.0056, floor * 2);
  return Uint8Array.from(levels, (l) => (l > threshold ? 1 : 0));
}

export function talkStats(caller: Int16Array, agent: Int16Array): TalkStats {
  const a = speech(frameLevels(caller));
  const b = speech(frameLevels(agent));
  const frames = Math.min(a.length, b.length);
  let callerTalk = 0;
  let agentTalk = 0;
  let over = 0;
  let silence = 0;
  let run = 0;
  let longest = 0;
  for (let f = 0; f < frames; f++) {
    const x = a[f] === 1;
    const y = b[f] === 1;
    if (x) callerTalk++;
    if (y) agentTalk++;
    if (x && y) over++;
    if (!x && !y) {
      silence++;
      run++;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  const ms = (f: number) => f * 20;
  return {
    durationMs: ms(frames),
    callerTalkMs: ms(callerTalk),
    agentTalkMs: ms(agentTalk),
    talkOverMs: ms(over),
    silenceMs: ms(silence),
    longestSilenceMs: ms(longest),
    agentTalkRatio: callerTalk + agentTalk === 0 ? 0 : +(agentTalk / (callerTalk + agentTalk)).toFixed(3),
  };
}
