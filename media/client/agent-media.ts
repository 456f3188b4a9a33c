/**
 * Browser side of an agent's call audio, around mediasoup-client. Signalling is a function the
 * workspace supplies (a Socket.IO ack in the product), so this module knows no transport.
 */
import { Device } from "mediasoup-client";
import type { Consumer, DtlsParameters, Producer, RtpCapabilities, RtpParameters, Transport, TransportOptions } from "mediasoup-client/types";

export interface AgentMediaSignal {
  transports(): Promise<{ routerRtpCapabilities: RtpCapabilities; send: TransportOptions; recv: TransportOptions }>;
  connect(transportId: string, dtlsParameters: DtlsParameters): Promise<void>;
  produce(kind: string, rtpParameters: RtpParameters): Promise<{ id: string }>;
  /** Sends the Device's capabilities; answers with the streams to consume now. */
  capabilities(rtpCapabilities: RtpCapabilities): Promise<ConsumerOptions[]>;
}

export interface ConsumerOptions {
  id: string;
  producerId: string;
  kind: "audio";
  rtpParameters: RtpParameters;
}

/**
 * Telephony audio: mono, and no browser processing that bends a G.711 line (AGC and noise
 * suppression pump and gate). Echo cancellation stays on for agents on speakers; tests turn it off.
 */
export const TELEPHONY_AUDIO: MediaTrackConstraints = {
  channelCount: 1,
  echoCancellation: true,
  noiseSuppression: false,
  autoGainControl: false,
};

export interface AgentMedia {
  producer: Producer;
  /** The far end's audio tracks, one per consumed stream. */
  remoteTracks: MediaStreamTrack[];
  /** A stream the server pushed later (for example a new party). */
  consume(options: ConsumerOptions): Promise<MediaStreamTrack>;
  close(): void;
}

export async function startAgentMedia(signal: AgentMediaSignal, constraints: MediaTrackConstraints = TELEPHONY_AUDIO): Promise<AgentMedia> {
  const info = await signal.transports();
  const device = new Device();
  await device.load({ routerRtpCapabilities: info.routerRtpCapabilities });
  const wire = (t: Transport) =>
    t.on("connect", ({ dtlsParameters }, ok, fail) => {
      signal.connect(t.id, dtlsParameters).then(ok, fail);
    });
  const send = device.createSendTransport(info.send);
  const recv = device.createRecvTransport(info.recv);
  wire(send);
  wire(recv);
  send.on("produce", ({ kind, rtpParameters }, ok, fail) => {
    signal.produce(kind, rtpParameters).then(ok, fail);
  });
  const stream = await navigator.mediaDevices.getUserMedia({ audio: constraints });
  const track = stream.getAudioTracks()[0];
  if (!track) throw new Error("no microphone track");
  const producer = await send.produce({ track });
  const consumers: Consumer[] = [];
  const consume = async (options: ConsumerOptions) => {
    const consumer = await recv.consume(options);
    consumers.push(consumer);
    return consumer.track;
  };
  const remoteTracks: MediaStreamTrack[] = [];
  for (const c of await signal.capabilities(device.rtpCapabilities)) remoteTracks.push(await consume(c));
  return {
    producer,
    remoteTracks,
    consume,
    close() {
      for (const c of consumers) c.close();
      producer.close();
      track.stop();
      send.close();
      recv.close();
    },
  };
}
