/**
 * The page of the Chromium test: runs the agent client against signalling functions the test
 * exposes, then measures the dominant frequency of what it hears with WebAudio.
 */
import { startAgentMedia, type AgentMediaSignal } from "../client/agent-media";

type Bridge = {
  [K in keyof AgentMediaSignal as `hl_${K}`]: AgentMediaSignal[K];
};

declare global {
  interface Window extends Bridge {
    runAgent(listenMs: number): Promise<{ hz: number; codec: string; sampleRate: number }>;
    /** RFC 4733 digits from the browser's microphone sender (RTCDTMFSender), once runAgent has run. */
    sendDtmf(digits: string): Promise<boolean>;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

window.runAgent = async (listenMs) => {
  const signal: AgentMediaSignal = {
    transports: () => window.hl_transports(),
    connect: (id, dtls) => window.hl_connect(id, dtls),
    produce: (kind, rtp) => window.hl_produce(kind, rtp),
    capabilities: (caps) => window.hl_capabilities(caps),
  };
  // Test tones need every kind of processing off, or they lose ~20 dB (../shared/TESTING.md).
  const media = await startAgentMedia(signal, { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false });
  window.sendDtmf = async (digits) => {
    const dtmf = media.producer.rtpSender?.dtmf;
    if (!dtmf?.canInsertDTMF) return false;
    dtmf.insertDTMF(digits, 100, 70);
    await sleep(digits.length * 170 + 300);
    return true;
  };
  const track = media.remoteTracks[0];
  if (!track) throw new Error("no remote track");
  // Chromium only feeds a remote track to WebAudio once a media element plays it.
  const element = new Audio();
  element.srcObject = new MediaStream([track]);
  element.muted = true;
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
  const minBin = Math.ceil((100 * analyser.fftSize) / ctx.sampleRate);
  for (let k = minBin; k < power.length; k++) if (power[k]! > power[best]!) best = k;
  return { hz: (best * ctx.sampleRate) / analyser.fftSize, codec: media.producer.rtpParameters.codecs[0]?.mimeType ?? "", sampleRate: ctx.sampleRate };
};
