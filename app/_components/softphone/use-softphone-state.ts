"use client";
import { useCallback } from "react";
import { emitVerb } from "@/app/_lib/socket";
import { useAgentState } from "./use-agent-state";
import { useCallControls } from "./use-call-controls";
import { useCallMedia } from "./use-call-media";
import { otherParty, useCallRecord } from "./use-call-record";
import { useCallerLookup } from "./use-caller-lookup";
import { useConnection } from "./use-connection";
import { useConsult } from "./use-consult";
import { useIvrPath } from "./use-ivr-path";
import { useOffer } from "./use-offer";
import { type WorkspaceView, useWorkspace } from "./use-workspace";
import { useWrapUp } from "./use-wrap-up";

export type SoftphoneState = ReturnType<typeof useSoftphoneState>;

/**
 * Everything the agent's softphone knows, for the whole signed-in app: the agent's state, the
 * offer ringing, the call (its record, controls, browser audio, consult), the caller's screen-pop
 * data and the wrap-up draft. It lives in the app shell, so none of it ends with a page.
 */
export function useSoftphoneState(userId: string) {
  const agent = useAgentState(userId);
  const offers = useOffer();
  const connection = useConnection();
  const ws = useWorkspace(agent.state);
  const callId = ws.view.kind === "idle" ? null : ws.view.callId;
  const record = useCallRecord(callId);
  // The call's own record may say it ended before the agent's state does.
  const view: WorkspaceView = ws.view.kind === "call" && record.call?.id === callId && record.call.state === "ended" ? { kind: "wrap", callId: ws.view.callId, warning: null } : ws.view;
  const inCall = view.kind === "call" ? callId : null;
  const controls = useCallControls(inCall);
  const media = useCallMedia(inCall);
  const consult = useConsult(inCall);

  const phone = offers.offer?.fromNumber ?? (callId && record.call ? otherParty(record.call) : null);
  const lookup = useCallerLookup(phone);
  const contact = lookup.status === "ready" ? lookup.data.contact : null;
  // The caller's IVR choices: from the offered call's record, then the call's own.
  const ivr = useIvrPath(offers.offer?.callId ?? callId);

  const { finish: finishView, setAnswered, forceWrap } = ws;
  const { reload } = agent;
  const finish = useCallback(
    (id: string) => {
      finishView(id);
      void reload();
    },
    [finishView, reload],
  );
  const wrapUp = useWrapUp(view.kind === "wrap" ? view.callId : null, contact?.id ?? null, finish);
  // The wrap-up's details: a hang-up that failed, and when the server ends after-call work itself.
  const wrapWarning = view.kind === "wrap" && record.call?.state !== "ended" ? view.warning : null;
  const wrapUntil = view.kind === "wrap" && agent.state?.state === "after_call_work" && agent.state.callId === view.callId ? agent.state.until : null;

  const { answer: answerOffer } = offers;
  const answer = useCallback(async () => {
    const id = await answerOffer();
    if (id) setAnswered(id);
  }, [answerOffer, setAnswered]);
  const { hangup: hangupCall } = controls;
  const hangup = useCallback(async () => {
    if (!callId) return;
    const failed = await hangupCall();
    if (failed) forceWrap({ callId, warning: `${failed}. Your audio is closed; if the caller is still connected, Finish saves once the call has ended.` });
  }, [callId, hangupCall, forceWrap]);
  const dial = useCallback(
    async (toNumber: string) => {
      const { callId: id } = await emitVerb("call:dial", { toNumber });
      setAnswered(id);
    },
    [setAnswered],
  );

  return { agent, offers, connection, view, record, controls, media, consult, phone, lookup, contact, ivr, wrapUp, wrapWarning, wrapUntil, answer, hangup, dial };
}
