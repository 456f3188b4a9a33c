/**
 * Starts this node's telephony: the media plane, the SIP gateway, call control, the agents'
 * media signalling and trunk health; ends calls a previous run of this node left open (the
 * record says so). Everything the server asks of media/ goes through media/protocol.ts.
 */
import { join, resolve } from "node:path";
import { type SipGateway, createMediaPlane, createSipGateway } from "@/media/protocol";
import type { Deps, UserEvent } from "../context";
import type { Env } from "../env";
import { espeakSpeech } from "../ivr/speech";
import { endOrphans } from "../services/calls/end-orphans";
import { createMonitoring } from "./monitor";
import { createAgentMedia } from "./agent-media";
import { createDeskPhones } from "./desk-phones";
import { startAnnouncer } from "./announcer";
import { createCallControl } from "./call-control";
import { ExtraLegs } from "./extra-legs";
import { createInboundRouter } from "./inbound-router";
import { LiveCalls } from "./live-calls";
import { mediaTools } from "./media-tools";
import { startTrunkHealth } from "./trunk-health";
import { startLoadShedding } from "./load-shedding";
import { startNodeLiveness } from "../jobs/node-liveness";
import { logError as logErrorIn } from "../log";
import type { ForwardBus } from "../realtime/forward";

export async function startTelephony(deps: Deps, env: Env, log: (msg: string) => void, peers?: Pick<ForwardBus, "publish" | "subscribe">) {
  const logError = (msg: string, e?: unknown) => logErrorIn("telephony", msg, e);
  const ended = await endOrphans(deps, "node_restarted");
  if (ended > 0) log(`Ended ${ended} call(s) left open by this node's previous run`);

  const media = await createMediaPlane({
    workers: env.MEDIA_WORKERS,
    rtcMinPort: env.RTC_MIN_PORT,
    rtcMaxPort: env.RTC_MAX_PORT,
    onWorkerDied: ({ pid, error }) => logError(`mediasoup worker ${pid} died; replaced`, error),
  });
  const live = new LiveCalls();
  const shedding = startLoadShedding({ lagMs: env.LOAD_SHED_LAG_MS, log: (msg) => log(`[telephony] ${msg}`) });
  let gateway: SipGateway | undefined;
  const started = () => {
    if (!gateway) throw new Error("the SIP gateway is not started");
    return gateway;
  };
  const tools = mediaTools(media);
  const speech = espeakSpeech({ cacheDir: join(resolve(env.DATA_DIR), "prompts") });
  const legs = new ExtraLegs(started);
  const control = createCallControl({
    deps,
    media,
    live,
    gateway: started,
    legs,
    tools,
    speech,
    log: logError,
  });
  try {
    gateway = await createSipGateway({
      host: env.SIP_HOST,
      port: env.SIP_PORT,
      publicIp: env.SIP_PUBLIC_IP,
      media,
      rtpListenIp: env.RTC_LISTEN_IP,
      rtpAnnouncedIp: env.RTC_ANNOUNCED_IP,
      maxCalls: env.MAX_CALLS,
      overloaded: shedding.overloaded,
      router: createInboundRouter(deps, control.accepted),
      events: { ...control.events, onDtmf: tools.dtmfFromGateway },
      // The fields (call id, the error) go on the line; the log functions mask phone numbers.
      log: (level, msg, fields) => {
        const line = fields && Object.keys(fields).length ? `${msg} ${JSON.stringify(fields)}` : msg;
        if (level === "info") log(line);
        else logError(line);
      },
    });
  } catch (e) {
    shedding.close();
    media.close();
    throw e;
  }
  const sip = gateway;
  const iceServers = env.TURN_URLS ? [{ urls: env.TURN_URLS.split(","), username: env.TURN_USERNAME, credential: env.TURN_CREDENTIAL }] : [];
  const agentMedia = createAgentMedia({
    media,
    live,
    listenIp: env.RTC_LISTEN_IP,
    announcedIp: env.RTC_ANNOUNCED_IP,
    iceServers,
    onConsumer: (userId, callId, c) => deps.notifyUser(userId, { type: "media:consumer", callId, ...c }),
  });
  const monitoring = createMonitoring({ media, live, log: logError });
  // Agents with a SIP address: their phone rings with every offer they get (see desk-phones.ts).
  const desks = createDeskPhones({ deps, live, legs, control, log: logError });
  const notifyUser = deps.notifyUser;
  // Offers ring desk phones on the node that holds the call, wherever the offer was made: the
  // other nodes hear of each offer too (each acts only on the calls and phones it has).
  const onOfferEvent = (userId: string, event: UserEvent) => {
    desks.onUserEvent(userId, event);
    if (event.type === "call:offer-ended") control.consultOfferEnded(event.offerId, event.result);
  };
  peers?.subscribe(onOfferEvent);
  deps.notifyUser = (userId, event) => {
    notifyUser(userId, event);
    onOfferEvent(userId, event);
    if (event.type === "call:offered" || event.type === "call:offer-ended") peers?.publish(userId, event);
  };
  const announcer = startAnnouncer({ deps, live, tools, speech, log: logError });
  const health = startTrunkHealth(deps, (target) => sip.ping(target), { log: logError });
  const liveness = await startNodeLiveness(deps, {
    lostAfterSec: env.NODE_LOST_SECONDS,
    onDeclaredLost: async () => {
      logError(`another node declared this node (${deps.nodeId}) lost and ended its calls: its database heartbeats stopped for ${env.NODE_LOST_SECONDS} s`);
      await control.endEndedElsewhere();
    },
    log: (msg, e) => (e === undefined ? log(msg) : logError(msg, e)),
  });
  const maxWait = setInterval(() => void control.checkMaxWait().catch((e: unknown) => logError("max wait", e)), 1000);
  maxWait.unref();
  log(`SIP on ${env.SIP_HOST}:${sip.port} (UDP and TCP), RTP ${env.RTC_MIN_PORT}-${env.RTC_MAX_PORT}`);

  return {
    control,
    /** New INVITEs get 503: the node is past what it can take (load shedding). */
    overloaded: shedding.overloaded,
    /** Whether this node holds the call live (its SIP dialog and media are here). */
    holds: (callId: string) => live.get(callId) !== undefined,
    agentMedia,
    monitoring,
    gateway: sip,
    media,
    announcer,
    /**
     * Graceful drain: new inbound calls get 503 (a SIP load balancer sends them elsewhere) while
     * the live ones go on; resolves when none are left or `ms` passed (close ends the rest).
     */
    async drain(ms: number, cut?: AbortSignal) {
      sip.drain();
      const until = Date.now() + ms;
      while (live.size() > 0 && Date.now() < until && !cut?.aborted) await new Promise((r) => setTimeout(r, 200));
      return live.size();
    },
    async close() {
      clearInterval(maxWait);
      deps.notifyUser = notifyUser;
      await health.stop();
      await announcer.close();
      await liveness.close();
      await control.shutdown();
      await liveness.leave().catch((e: unknown) => logError("leaving the node list", e));
      await sip.close();
      shedding.close();
      media.close();
    },
  };
}

export type Telephony = Awaited<ReturnType<typeof startTelephony>>;
