"use client";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "@/app/_lib/api";
import { SocketError, appSocket, emitVerb } from "@/app/_lib/socket";
import { useTenantEvent } from "@/app/_lib/use-tenant-event";
import type { CallOffer, OfferResult } from "./types";

export interface EndedOffer {
  offer: CallOffer;
  result: OfferResult;
}

/** How an offer that went by is told to the agent. */
export const ENDED_OFFER_LABEL: Record<OfferResult, string> = {
  missed: "Missed call",
  cancelled: "Call taken back",
  declined: "Call declined",
  answered: "Call answered",
};

export interface OfferHook {
  offer: CallOffer | null;
  /** The last offer that ended without this tab answering it (missed, taken back, declined). */
  ended: EndedOffer | null;
  busy: "answer" | "decline" | null;
  error: string | null;
  answer: () => Promise<string | null>;
  decline: () => Promise<void>;
  dismissEnded: () => void;
}

/** Grace after expiresAt before the tab drops an offer whose `call:offer-ended` never came. */
const EXPIRY_GRACE_MS = 3000;

/** The call offered to this agent right now (pushed to the user's room), with Answer and Decline. */
export function useOffer(): OfferHook {
  const [offer, setOffer] = useState<CallOffer | null>(null);
  const [ended, setEnded] = useState<EndedOffer | null>(null);
  const [busy, setBusy] = useState<OfferHook["busy"]>(null);
  const [error, setError] = useState<string | null>(null);

  // An offer already ringing when the page loads (or the socket comes back) shows again.
  useEffect(() => {
    const restore = () =>
      void api<{ offer: CallOffer | null }>("/agents/me/state")
        .then((s) => s.offer && setOffer((cur) => cur ?? s.offer))
        .catch(() => undefined);
    restore();
    const s = appSocket();
    s.on("connect", restore);
    return () => {
      s.off("connect", restore);
    };
  }, []);

  useTenantEvent("call:offered", (next) => {
    setOffer(next);
    setEnded(null);
    setError(null);
  });
  const dismissEnded = useCallback(() => {
    setEnded(null);
    setError(null);
  }, []);
  useTenantEvent("call:offer-ended", (info) => {
    setOffer((cur) => {
      if (!cur || cur.offerId !== info.offerId) return cur;
      // Answered or declined here: the agent knows. Missed or taken back: say so.
      if (info.result === "missed" || info.result === "cancelled") setEnded({ offer: cur, result: info.result });
      return null;
    });
  });

  useEffect(() => {
    if (!offer) return;
    const ms = Date.parse(offer.expiresAt) - Date.now() + EXPIRY_GRACE_MS;
    const t = setTimeout(() => {
      setOffer((cur) => (cur?.offerId === offer.offerId ? null : cur));
      setEnded({ offer, result: "missed" });
    }, Math.max(0, ms));
    return () => clearTimeout(t);
  }, [offer]);

  const answer = useCallback(async () => {
    if (!offer) return null;
    setBusy("answer");
    setError(null);
    try {
      const { callId } = await emitVerb("call:answer", { offerId: offer.offerId });
      setOffer((cur) => (cur?.offerId === offer.offerId ? null : cur));
      return callId;
    } catch (e) {
      setError(errorMessage(e));
      // Taken back or the caller hung up: the dialog has nothing left to answer.
      if (e instanceof SocketError && e.code === "conflict") {
        setOffer((cur) => (cur?.offerId === offer.offerId ? null : cur));
        setEnded({ offer, result: "cancelled" });
      }
      return null;
    } finally {
      setBusy(null);
    }
  }, [offer]);

  const decline = useCallback(async () => {
    if (!offer) return;
    setBusy("decline");
    setError(null);
    try {
      await emitVerb("call:decline", { offerId: offer.offerId });
      setOffer((cur) => (cur?.offerId === offer.offerId ? null : cur));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }, [offer]);

  return { offer, ended, busy, error, answer, decline, dismissEnded };
}
