import type { MediaWebRtcLeg, RecordingHandle, SpeechStats } from "@/media/protocol";
import type { MonitorMode } from "../services/calls";
import { AppError } from "../errors";
import type { Consult } from "./consult";

/** What this node holds of one call it carries: who owns it, its legs, what the caller hears. */
export interface LiveCallEntry {
  callId: string;
  tenantId: string;
  /** Where an inbound call goes; null for an agent's outbound call. */
  destination: { type: "queue" | "flow" | "user"; id: string } | null;
  outbound?: boolean;
  suspended?: boolean;
  /** The caller is leaving a message. */
  voicemail?: boolean;
  fromNumber: string;
  callerLegId?: string;
  /** The caller's codec (legs added to the call offer only this one: no transcoding). */
  callerCodec?: "pcmu" | "pcma";
  /** A warm transfer or conference in progress (consult.ts). */
  consult?: Consult;
  /** The number the call was put through to (transfer to a number). */
  transferredTo?: string;
  /** The agent in the call: their browser's leg, or the key of their SIP phone's leg (`deskKey`). */
  agent?: { userId: string; leg: MediaWebRtcLeg | null; pending: Promise<MediaWebRtcLeg> | null; deskKey?: string };
  stopMusic?: () => void;
  /** The call's recorder while it runs (paused while a caller reads out card digits). */
  recording?: RecordingHandle;
  /** The tenant transcribes its calls (read with the recording switch when the recording started). */
  transcribe?: boolean;
  /** Supervisors listening, whispering or barging in, by user id (monitor.ts). */
  monitors?: Map<string, MonitorSeat>;
  /** Live voice activity of every leg while the call is recorded. */
  speech?: { stop(): SpeechStats };
}

/** A browser's place in a call's media: the leg once made (or being made). */
export interface MediaSeat {
  userId: string;
  leg: MediaWebRtcLeg | null;
  pending: Promise<MediaWebRtcLeg> | null;
  deskKey?: string;
  /** Runs on the new leg before anyone can use it (a supervisor's mixer role). */
  onLeg?: (leg: MediaWebRtcLeg) => Promise<void>;
}

export interface MonitorSeat extends MediaSeat {
  mode: MonitorMode;
}

/** The calls this process carries. A call lives on the node that took its INVITE. */
export class LiveCalls {
  private readonly byId = new Map<string, LiveCallEntry>();
  /** Told when a call's agent changes or the agent's browser leg is made (a whisper follows it). */
  onAgentChange: (entry: LiveCallEntry) => void = () => undefined;

  /** The call's agent from now on (or none: transferred away, back in the queue). */
  setAgent(entry: LiveCallEntry, agent: LiveCallEntry["agent"]): void {
    entry.agent = agent;
    this.onAgentChange(entry);
  }

  /** A seat's leg is ready: when it is the call's agent's, whoever follows the agent is told. */
  legReady(callId: string, seat: MediaSeat): void {
    const entry = this.byId.get(callId);
    if (entry && entry.agent === seat) this.onAgentChange(entry);
  }

  add(entry: LiveCallEntry): void {
    this.byId.set(entry.callId, entry);
  }

  get(callId: string): LiveCallEntry | undefined {
    return this.byId.get(callId);
  }

  remove(callId: string): LiveCallEntry | undefined {
    const entry = this.byId.get(callId);
    this.byId.delete(callId);
    return entry;
  }

  /** The call, when the user is its agent in this tenant; otherwise not found (never another's). */
  ofAgent(tenantId: string, userId: string, callId: string): LiveCallEntry & { agent: NonNullable<LiveCallEntry["agent"]> } {
    const entry = this.byId.get(callId);
    if (!entry || entry.tenantId !== tenantId || entry.agent?.userId !== userId) {
      throw new AppError("not_found", "No such call of yours on this node");
    }
    return entry as LiveCallEntry & { agent: NonNullable<LiveCallEntry["agent"]> };
  }

  /**
   * The user's own media seat in the call: the agent's, a consulted agent's once they picked up,
   * or a supervisor's monitoring it; otherwise not found.
   */
  partyOf(tenantId: string, userId: string, callId: string): MediaSeat {
    const entry = this.byId.get(callId);
    if (entry && entry.tenantId === tenantId) {
      if (entry.agent?.userId === userId) return entry.agent;
      const p = entry.consult?.party;
      if (p?.kind === "agent" && p.userId === userId && entry.consult?.state !== "ringing") return p;
      const monitor = entry.monitors?.get(userId);
      if (monitor) return monitor;
    }
    throw new AppError("not_found", "No such call of yours on this node");
  }

  size(): number {
    return this.byId.size;
  }

  all(): LiveCallEntry[] {
    return [...this.byId.values()];
  }
}
