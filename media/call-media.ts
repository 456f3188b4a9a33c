/**
 * The media of one call: a router on one worker and up to two PlainTransport legs bridged
 * A<->B (A hears B, B hears A). Conference, whisper and barge go through the mixer instead.
 * Every path that ends the call (close, leg failure, worker death) closes the router, and with
 * it every transport, producer and consumer, and reports the reason once.
 */
import { randomUUID } from "node:crypto";
import type { Router, RouterOptions, Worker } from "mediasoup/types";
import { isG711, ROUTER_MEDIA_CODECS } from "./codecs";
import { MediaError, toMediaError } from "./errors";
import { PlainLeg } from "./plain-leg";
import { WebRtcLeg, type WebRtcConsumerInfo } from "./webrtc-leg";
import type { G711 } from "./rtp/g711";
import { checkIp } from "./validate";

export const MAX_BRIDGED_LEGS = 2;

export type CallEndReason = "hangup" | "media_worker_died" | "media_worker_closed" | "media_plane_closed" | (string & {});

type Leg = PlainLeg | WebRtcLeg;

export interface WebRtcLegOptions {
  listenIp: string;
  /** The public address behind NAT (RTC_ANNOUNCED_IP). */
  announcedAddress?: string;
  /** Told of each stream the browser should consume (send it over signalling). */
  onConsumer?: (consumer: WebRtcConsumerInfo) => void;
}

export interface PlainLegOptions {
  codec: G711;
  /** Address the transport listens on (127.0.0.1 in tests, the media IP in production). */
  listenIp: string;
  /** Address put in the SDP when behind NAT; defaults to listenIp. */
  announcedAddress?: string;
}

export class CallMedia {
  private readonly legs = new Map<string, Leg>();
  private pendingLegs = 0;
  private endedReason: CallEndReason | undefined;

  private constructor(
    readonly callId: string,
    readonly worker: Worker,
    private readonly router: Router,
    private readonly onEnded: (callId: string, reason: CallEndReason) => void,
  ) {
    router.on("workerclose", () => this.end(worker.died ? "media_worker_died" : "media_worker_closed"));
  }

  /** `createRouter` picks the worker (the pool's least-loaded pick). */
  static async create(
    callId: string,
    createRouter: (o: RouterOptions) => Promise<{ router: Router; worker: Worker }>,
    onEnded: (callId: string, reason: CallEndReason) => void,
  ): Promise<CallMedia> {
    try {
      const { router, worker } = await createRouter({ mediaCodecs: ROUTER_MEDIA_CODECS, appData: { callId } });
      return new CallMedia(callId, worker, router, onEnded);
    } catch (err) {
      throw toMediaError(err, `creating the router of call ${callId}`);
    }
  }

  get workerPid(): number {
    return this.worker.pid;
  }

  get ended(): CallEndReason | undefined {
    return this.endedReason;
  }

  async addPlainLeg(options: PlainLegOptions): Promise<PlainLeg> {
    this.assertOpen();
    if (!isG711(options.codec)) {
      throw new MediaError("bad_parameter", `unknown codec ${JSON.stringify(options.codec)} (pcmu or pcma)`);
    }
    const listenIp = checkIp(options.listenIp, "listenIp");
    const announcedAddress = options.announcedAddress === undefined ? undefined : checkIp(options.announcedAddress, "announcedAddress");
    this.assertRoom();
    const other = [...this.legs.values()][0];
    if (other?.codec && other.codec !== options.codec) {
      throw new MediaError("codec_mismatch", `call ${this.callId} is ${other.codec}: a ${options.codec} leg would need transcoding`);
    }
    return this.reserveLeg(async (id) => {
      const transport = await this.router.createPlainTransport({
        listenInfo: { protocol: "udp", ip: listenIp, announcedAddress },
        rtcpMux: true,
        comedia: false,
      });
      return new PlainLeg(id, options.codec, this.router, transport, (l) => this.bridge(l));
    });
  }

  /** A browser agent's leg: give `leg.transports` to mediasoup-client, then relay its calls. */
  async addWebRtcLeg(options: WebRtcLegOptions): Promise<WebRtcLeg> {
    this.assertOpen();
    const listenIp = checkIp(options.listenIp, "listenIp");
    const announcedAddress = options.announcedAddress === undefined ? undefined : checkIp(options.announcedAddress, "announcedAddress");
    this.assertRoom();
    return this.reserveLeg(async (id) => {
      const make = () => this.router.createWebRtcTransport({ listenInfos: [{ protocol: "udp", ip: listenIp, announcedAddress }] });
      const send = await make();
      const recv = await make().catch((err: unknown) => {
        send.close();
        throw err;
      });
      return new WebRtcLeg(id, this.router, send, recv, (l) => this.bridge(l), options.onConsumer ?? (() => {}));
    });
  }

  private assertRoom(): void {
    if (this.legs.size + this.pendingLegs >= MAX_BRIDGED_LEGS) {
      throw new MediaError("bad_state", `call ${this.callId} already has ${MAX_BRIDGED_LEGS} legs; use the mixer for more`);
    }
  }

  /** Creates a leg while holding its slot, so concurrent adds cannot exceed the limit. */
  private async reserveLeg<L extends Leg>(create: (id: string) => Promise<L>): Promise<L> {
    const id = randomUUID();
    this.pendingLegs++;
    try {
      const leg = await create(id);
      this.legs.set(id, leg);
      leg.onClosed(() => this.legs.delete(id));
      if (this.endedReason !== undefined) leg.close();
      this.assertOpen();
      return leg;
    } catch (err) {
      throw toMediaError(err, `adding a leg to call ${this.callId}`);
    } finally {
      this.pendingLegs--;
    }
  }

  /** Ends the call: closes the router and everything on it, reports `reason` once. */
  close(reason: CallEndReason = "hangup"): void {
    this.end(reason);
  }

  private end(reason: CallEndReason): void {
    if (this.endedReason !== undefined) return;
    this.endedReason = reason;
    for (const leg of this.legs.values()) leg.close();
    if (!this.router.closed) this.router.close();
    this.onEnded(this.callId, reason);
  }

  /** A leg's far end now produces: each other leg hears it, and it hears each other leg. */
  private async bridge(leg: Leg): Promise<void> {
    this.assertOpen();
    for (const other of this.legs.values()) {
      if (other === leg) continue;
      await other.consume(leg);
      await leg.consume(other);
    }
  }

  private assertOpen(): void {
    if (this.endedReason !== undefined) {
      throw new MediaError("call_ended", `call ${this.callId} has ended (${this.endedReason})`);
    }
  }
}
