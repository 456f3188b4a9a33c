/**
 * Runs a number's IVR flow on a live call: the engine's CallIo over the media tools (spoken
 * prompts from the speech provider, tones generated, uploaded recordings from the tenant's
 * prompts, digits from the caller's leg), each step recorded on the call, and the outcome handed
 * back to call control.
 */
import { type Deps, systemCtx } from "../context";
import { type CallIo, type FlowOutcome, runFlow } from "../ivr/engine";
import { isOpen } from "../ivr/hours";
import type { SpeechProvider } from "../ivr/speech";
import { DecodedPromptCache, promptAudio } from "../prompts/playback";
import * as calls from "../services/calls";
import * as flows from "../services/flows";
import * as prompts from "../services/prompts";
import { getHoursInTenant } from "../services/hours/internal";
import type { MediaTools } from "./ports";

export interface IvrCall {
  callId: string;
  tenantId: string;
  legId: string;
  flowId: string;
  /** Set when the caller hangs up mid-flow. */
  ended: () => boolean;
}

/** Uploaded prompts decoded to PCM, shared by the calls of this process (20 minutes of audio in all at most). */
const decodedPrompts = new DecodedPromptCache();

export async function runIvr(deps: Deps, tools: MediaTools, speech: SpeechProvider, call: IvrCall): Promise<FlowOutcome> {
  const ctx = systemCtx(deps, call.tenantId);
  const flow = await flows.published({ ctx, input: { id: call.flowId } });
  if (!flow) return { kind: "hangup" };

  const pending: string[] = [];
  let waiter: ((d: string) => void) | null = null;
  const unsubscribe = tools.onDtmf(call.callId, call.legId, (digit) => {
    if (waiter) waiter(digit);
    else pending.push(digit);
  });
  const nextDigit = (timeoutMs: number) =>
    new Promise<string | null>((resolve) => {
      const early = pending.shift();
      if (early) return resolve(early);
      const t = setTimeout(() => {
        waiter = null;
        resolve(null);
      }, timeoutMs);
      waiter = (d) => {
        clearTimeout(t);
        waiter = null;
        resolve(d);
      };
    });
  const audio = promptAudio({ tenantId: call.tenantId, speech, cache: decodedPrompts, loadUlaw: (id) => prompts.loadUlaw({ ctx, input: { id } }) });

  const io: CallIo = {
    get hungUp() {
      return call.ended();
    },
    async play(p) {
      // Type-ahead: a key pressed before the prompt (during the last one, while it was spoken) answers it.
      const early = pending.shift();
      if (early) return early;
      const playback = tools.play(call.callId, call.legId, await audio(p));
      // A key pressed while the prompt plays stops it and is the answer (barge-in).
      const key = new Promise<string>((resolve) => {
        waiter = (d) => {
          waiter = null;
          playback.stop();
          resolve(d);
        };
      });
      const result = await Promise.race([playback.done.then(() => null), key]);
      waiter = null;
      return result;
    },
    digit: nextDigit,
    async isOpen(hoursId) {
      try {
        return isOpen(await getHoursInTenant(ctx, hoursId), deps.now());
      } catch {
        return false;
      }
    },
  };
  try {
    return await runFlow(flow.definition, io, (node, detail) =>
      calls.recordIvrStep({ ctx, input: { callId: call.callId, step: detail ? `${node.id}:${detail}` : node.id, ...(node.label ? { label: node.label } : {}) } }),
    );
  } finally {
    unsubscribe();
  }
}
