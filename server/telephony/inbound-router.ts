/**
 * Decides every inbound INVITE before a call object exists (the gateway asks, we answer):
 *   unknown source and no digest                  -> 403
 *   known carrier, number nobody has              -> 404
 *   number of a tenant whose trunks don't allow it -> 401 challenge if that tenant has digest
 *                                                    trunks, else 403
 *   over this node's call limit                    -> 503 (the gateway checks before asking)
 * An accepted call gets its record at once, with its destination kept for call control.
 */
import type { Decision, InviteInfo } from "./ports";
import type { Deps } from "../context";
import { systemCtx } from "../context";
import { unseal } from "../crypto/sealed";
import { takesCalls } from "../services/billing/internal";
import { startInbound } from "../services/calls/start-inbound";
import { addressMatches } from "./addresses";
import { type NumberRow, type TrunkRow, findNumber, toE164, trunksAllowing, trunksOfTenant } from "./lookup";

export interface AcceptedCall {
  callId: string;
  tenantId: string;
  destination: { type: NumberRow["destinationType"]; id: string };
  fromNumber: string;
  /** The tenant's subscription lapsed: the caller hears why, then the call ends. */
  suspended: boolean;
}

export function createInboundRouter(deps: Deps, onAccepted: (call: AcceptedCall) => void): { route(invite: InviteInfo): Promise<Decision> } {
  const reject = (status: 403 | 404 | 480, reason: string): Decision => ({ reject: { status, reason } });
  const digestOk = (invite: InviteInfo, t: TrunkRow) =>
    t.inboundUsername !== null &&
    t.inboundPasswordSealed !== null &&
    invite.digest?.username === t.inboundUsername &&
    invite.digest.verify(unseal(deps.secret, t.inboundPasswordSealed));

  return {
    async route(invite) {
      const dialled = toE164(invite.requestUser) ?? toE164(invite.toUser);
      const number = dialled ? await findNumber(deps.db, dialled) : undefined;
      if (!number) {
        const knownSource = (await trunksAllowing(deps.db, invite.source.ip)).length > 0;
        return knownSource || invite.digest ? reject(404, "Not Found") : reject(403, "Forbidden");
      }

      const own = await trunksOfTenant(deps.db, number.tenantId);
      const byAddress = own.filter((t) => t.inboundAddresses.some((a) => addressMatches(invite.source.ip, a)));
      // A trunk with both an address list and credentials wants both.
      let trunk = byAddress.find((t) => t.inboundUsername === null) ?? byAddress.find((t) => digestOk(invite, t));
      if (!trunk) trunk = own.find((t) => t.inboundAddresses.length === 0 && digestOk(invite, t));
      if (!trunk) {
        const challengeable = own.some((t) => t.inboundUsername !== null && (t.inboundAddresses.length === 0 || byAddress.includes(t)));
        return challengeable && !invite.digest ? { challenge: { realm: "hotline" } } : reject(403, "Forbidden");
      }

      const fromNumber = toE164(invite.fromUser) ?? invite.fromUser.slice(0, 64);
      const ctx = systemCtx(deps, number.tenantId);
      const suspended = !(await takesCalls(ctx));
      const call = await startInbound({
        ctx,
        input: { fromNumber, toNumber: number.number, trunkId: trunk.id, sipCallId: invite.sipCallId, source: `${invite.source.transport}:${invite.source.ip}:${invite.source.port}` },
      });
      onAccepted({ callId: call.id, tenantId: number.tenantId, destination: { type: number.destinationType, id: number.destinationId }, fromNumber, suspended });
      return { accept: { callId: call.id } };
    },
  };
}
