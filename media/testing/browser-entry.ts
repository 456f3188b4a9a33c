/**
 * The page of the Chromium test: runs the agent client against signalling functions the test
 * exposes, then measures what it hears with WebAudio.
 */
import { startAgentMedia, type AgentMedia, type AgentMediaSignal, type ConsumerOptions } from "../client/agent-media";

type Bridge = {
  [K in keyof AgentMediaSignal as `hl_${K}`]: AgentMediaSignal[K];
};

interface Heard {
  hz: number;
  /** Power (linear, summed over the listening time) near each asked frequency. */
  powers: Record<number, number>;
}

declare global {
  interface Window extends Bridge {
    runAgent(listenMs: number): Promise<{ hz: number; codec: string; sampleRate: number }>;
    /** RFC 4733 digits from the browser's microphone sender (RTCDTMFSender), once runAgent has run. */
    sendDtmf(digits: string): Promise<boolean>;
    /** Consumes a stream the server pushed later (a prompt, the mix); returns its track's index. */
    consumePushed(options: ConsumerOptions): Promise<number>;
    /** Listens to remote track `index` (0: the first party; then pushed ones). */
    listen(index: number, ms: number, freqs: readonly number[]): Promise<Heard>;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let media: AgentMedia | undefined;
const tracks: MediaStreamTrack[] = [];
const elements: HTMLAudioElement[] = [];

async function measure(track: MediaStreamTrack, listenMs: number, freqs: readonly number[] = []): Promise<Heard> {
  // Chromium only feeds a remote track to WebAudio once a media element plays it.
  const element = new Audio();
  element.srcObject = new MediaStream([track]);
  element.muted = true;
  elements.push(element);
  await element.play().catch(() => undefined);
  const ctx = new AudioContext();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 8192;
  ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  await ctx.resume();
  const power = new Float64Array(analyser.frequencyBinCount);
  const db = new Float32Array(analyser.frequencyBinCount);
  for (let t = 0; t < listenMs; t += 100) {
    await sleep(100);
    analyser.getFloatFrequencyData(db);
    for (let k = 0; k < db.length; k++) power[k]! += 10 ** (db[k]! / 10);
  }
  let best = 0;
  const binHz = ctx.sampleRate / analyser.fftSize;
  const minBin = Math.ceil(100 / binHz);
  for (let k = minBin; k < power.length; k++) if (power[k]! > power[best]!) best = k;
  const near = (hz: number) => {
    const k = Math.round(hz / binHz);
    return Math.max(power[k - 1] ?? 0, power[k] ?? 0, power[k + 1] ?? 0);
  };
  const result = { hz: best * binHz, powers: Object.fromEntries(freqs.map((f) => [f, near(f)])), sampleRate: ctx.sampleRate };
  await ctx.close();
  return result;
}

window.runAgent = async (listenMs) => {
  const signal: AgentMediaSignal = {
    transports: () => window.hl_transports(),
    connect: (id, dtls) => window.hl_connect(id, dtls),
    produce: (kind, rtp) => window.hl_produce(kind, rtp),
    capabilities: (caps) => window.hl_capabilities(caps),
  };
  // Test tones need every kind of processing off, or they lose ~20 dB (../shared/TESTING.md).
  const m = await startAgentMedia(signal, { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
  media = m;
  tracks.push(...m.remoteTracks);
  const track = m.remoteTracks[0];
  if (!track) throw new Error("no remote track");
  const heard = await measure(track, listenMs);
  return { hz: heard.hz, codec: m.producer.rtpParameters.codecs[0]?.mimeType ?? "", sampleRate: (heard as Heard & { sampleRate: number }).sampleRate };
};

window.sendDtmf = async (digits) => {
  const dtmf = media?.producer.rtpSender?.dtmf;
  if (!dtmf?.canInsertDTMF) return false;
  dtmf.insertDTMF(digits, 100, 70);
  await sleep(digits.length * 170 + 300);
  return true;
};

window.consumePushed = async (options) => {
  if (!media) throw new Error("runAgent first");
  tracks.push(await media.consume(options));
  return tracks.length - 1;
};

window.listen = async (index, ms, freqs) => {
  const track = tracks[index];
  if (!track) throw new Error(`no track ${index}`);
  return measure(track, ms, freqs);
};
