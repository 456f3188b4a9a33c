"use client";
import { useEffect, useState } from "react";
import { api } from "@/app/_lib/api";
import type { CallRecord } from "./types";

/** `labels`: the flow's names of the nodes, by node id, where it gave them one. */
export type IvrPathState = { status: "idle" } | { status: "loading" } | { status: "failed" } | { status: "ready"; steps: string[]; labels: Record<string, string> };

/**
 * The IVR steps the caller went through before `callId` reached the agent (`menu-1:2`,
 * `hours-1:open`), from the call's record: known at the offer, since the flow ends before the
 * call is queued.
 */
export function useIvrPath(callId: string | null): IvrPathState {
  const [state, setState] = useState<{ callId: string | null; value: IvrPathState }>({ callId: null, value: { status: "idle" } });
  useEffect(() => {
    if (!callId) return;
    let live = true;
    setState({ callId, value: { status: "loading" } });
    api<Pick<CallRecord, "ivrPath" | "ivrLabels">>(`/calls/${callId}`).then(
      (r) => live && setState({ callId, value: { status: "ready", steps: r.ivrPath ?? [], labels: r.ivrLabels ?? {} } }),
      () => live && setState({ callId, value: { status: "failed" } }),
    );
    return () => {
      live = false;
    };
  }, [callId]);
  if (!callId) return { status: "idle" };
  return state.callId === callId ? state.value : { status: "loading" };
}

export interface IvrStep {
  /** The flow node, as recorded (`menu-1`). */
  node: string;
  /** What happened there: a key pressed, no key, or the hours' answer; null for a node passed through. */
  choice: { kind: "key"; key: string } | { kind: "no-input" } | { kind: "other"; text: string } | null;
}

/** One recorded step (`<node>:<detail>`; node ids have no colon) in a shape to show. */
export function parseIvrStep(step: string): IvrStep {
  const at = step.indexOf(":");
  if (at < 0) return { node: step, choice: null };
  const node = step.slice(0, at);
  const detail = step.slice(at + 1);
  if (/^[0-9*#]$/.test(detail)) return { node, choice: { kind: "key", key: detail } };
  if (detail === "no input") return { node, choice: { kind: "no-input" } };
  return { node, choice: { kind: "other", text: detail } };
}
