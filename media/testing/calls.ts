/** Test helpers: a call whose plain legs are each connected to a Node RTP peer sending a tone. */
import type { MediaCall, MediaLeg, MediaPlane } from "../protocol";
import { dominantFrequency, goertzel } from "../rtp/tone";
import { RtpPeer } from "./rtp-peer";

export interface TestLeg {
  leg: MediaLeg;
  far: RtpPeer;
}

/** One plain PCMU leg per tone, in order; each far end starts sending its tone. */
export async function callWithTones(plane: MediaPlane, callId: string, tones: number[]): Promise<{ call: MediaCall; legs: TestLeg[]; close(): void }> {
  const call = await plane.createCall(callId);
  const legs: TestLeg[] = [];
  const close = () => {
    for (const l of legs) l.far.close();
    call.close();
  };
  try {
    for (const [i, hz] of tones.entries()) {
      const far = await RtpPeer.open("pcmu", 0x1000 + i);
      const leg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      legs.push({ leg, far });
      await leg.connect({ ip: "127.0.0.1", port: far.port, ssrc: far.ssrc });
      if (hz > 0) far.sendTone(leg.local.port, hz);
    }
  } catch (err) {
    close();
    throw err;
  }
  return { call, legs, close };
}

/** The dominant frequency, rounded to 10 Hz. */
export const freq = (pcm: Int16Array) => dominantFrequency(pcm, { stepHz: 10 }).hz;

/** How much of the signal's power (of the candidate frequencies) each frequency has. */
export function presence(pcm: Int16Array, freqs: number[]): Record<number, number> {
  const powers = freqs.map((f) => goertzel(pcm, f));
  const total = powers.reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(freqs.map((f, i) => [f, (powers[i] as number) / total]));
}
