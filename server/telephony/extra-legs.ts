/**
 * SIP legs a call adds beside its caller's: the number it is transferred to, an agent's desk
 * phone. Each is dialled into the call's own MediaCall under its own gateway key
 * (`<callId>~<tag>`), so the gateway's events for it come here and never end the call itself.
 */
import type { DialOptions, SipEndReason } from "@/media/protocol";
import type { GatewayPort } from "./ports";

export interface ExtraLegHandlers {
  /** The far end hung up (or its media died); not called when we hung it up. */
  onEnded(reason: SipEndReason): void;
  onHold?(held: boolean): void;
}

interface Leg extends ExtraLegHandlers {
  callId: string;
}

export const legKey = (callId: string, tag: string) => `${callId}~${tag}`;

export class ExtraLegs {
  private readonly byKey = new Map<string, Leg>();

  constructor(private readonly gateway: () => GatewayPort) {}

  /** Dials into `callId`'s media; resolves with the leg once answered (rejects with a DialError). */
  async dial(callId: string, tag: string, o: Omit<DialOptions, "callId" | "mediaCallId">, handlers: ExtraLegHandlers) {
    const key = legKey(callId, tag);
    this.byKey.set(key, { callId, ...handlers });
    try {
      return { key, ...(await this.gateway().dial({ ...o, callId: key, mediaCallId: callId })) };
    } catch (e) {
      this.byKey.delete(key);
      throw e;
    }
  }

  /** Hangs one leg up (BYE, or CANCEL while it rings); its handlers hear nothing more. */
  async hangup(key: string, reason: SipEndReason): Promise<void> {
    if (!this.byKey.delete(key)) return;
    await this.gateway().hangup(key, reason);
  }

  /** Every extra leg of a call that is over. */
  async hangupAll(callId: string, reason: SipEndReason): Promise<void> {
    const keys = [...this.byKey].filter(([, leg]) => leg.callId === callId).map(([key]) => key);
    await Promise.all(keys.map((key) => this.hangup(key, reason)));
  }

  /** Gateway events: true when `key` is an extra leg (handled here). */
  ended(key: string, reason: SipEndReason): boolean {
    const leg = this.byKey.get(key);
    if (!leg) return false;
    this.byKey.delete(key);
    leg.onEnded(reason);
    return true;
  }

  held(key: string, held: boolean): boolean {
    const leg = this.byKey.get(key);
    if (!leg) return false;
    leg.onHold?.(held);
    return true;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }
}
