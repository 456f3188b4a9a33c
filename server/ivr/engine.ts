/**
 * Runs a published IVR flow on a live call. The engine walks the nodes; everything it does to the
 * call goes through `CallIo` (prompts through the media plane's player, digits from its RFC 4733
 * detector), so the walk itself is tested with a scripted IO. It returns how the flow ended,
 * and reports each step for the call's IVR path.
 */
import type { FlowDefinition, FlowNode, Prompt } from "./definition";

export interface CallIo {
  /** Plays a prompt to the caller; a key pressed during it is returned (barge-in), else null. */
  play(prompt: Prompt): Promise<string | null>;
  /** Waits up to `timeoutMs` for one key. */
  digit(timeoutMs: number): Promise<string | null>;
  /** Whether the business hours are open now (false when they no longer exist). */
  isOpen(hoursId: string): Promise<boolean>;
  /** The caller hung up (the walk stops at the next step). */
  readonly hungUp: boolean;
}

export type FlowOutcome =
  | { kind: "queue"; queueId: string }
  | { kind: "transfer"; number: string }
  | { kind: "voicemail" }
  | { kind: "callback" }
  | { kind: "hangup" }
  | { kind: "caller_hung_up" };

/** Guards against a flow that loops through menus forever with a caller who never presses. */
const MAX_STEPS = 200;
const INVALID: Prompt = { kind: "tts", text: "Sorry, that is not a valid choice." };

export async function runFlow(flow: FlowDefinition, io: CallIo, onStep: (node: FlowNode, detail?: string) => void | Promise<void> = () => {}): Promise<FlowOutcome> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  let current = byId.get(flow.start);
  for (let steps = 0; current && steps < MAX_STEPS; steps++) {
    if (io.hungUp) return { kind: "caller_hung_up" };
    const node: FlowNode = current;
    switch (node.type) {
      case "play":
        await onStep(node);
        await io.play(node.prompt);
        if (!node.next) return { kind: "hangup" };
        current = byId.get(node.next);
        break;
      case "menu": {
        const chosen = await menu(node, io);
        await onStep(node, chosen ?? "no input");
        const target = chosen ? node.options.find((o) => o.digit === chosen)?.next : node.noInput;
        if (!target) return io.hungUp ? { kind: "caller_hung_up" } : { kind: "hangup" };
        current = byId.get(target);
        break;
      }
      case "hours": {
        const open = await io.isOpen(node.hoursId);
        await onStep(node, open ? "open" : "closed");
        current = byId.get(open ? node.open : node.closed);
        break;
      }
      case "queue":
        await onStep(node);
        return { kind: "queue", queueId: node.queueId };
      case "transfer":
        await onStep(node);
        return { kind: "transfer", number: node.number };
      case "voicemail":
      case "callback":
      case "hangup":
        await onStep(node);
        if (node.prompt) await io.play(node.prompt);
        return { kind: node.type };
    }
  }
  return io.hungUp ? { kind: "caller_hung_up" } : { kind: "hangup" };
}

/** Prompt, wait for a valid key; on a wrong key say so, on silence repeat, up to the retries. */
async function menu(node: Extract<FlowNode, { type: "menu" }>, io: CallIo): Promise<string | null> {
  const valid = new Set<string>(node.options.map((o) => o.digit));
  for (let attempt = 0; attempt <= node.maxRetries; attempt++) {
    if (io.hungUp) return null;
    const key = (await io.play(node.prompt)) ?? (await io.digit(node.timeoutSec * 1000));
    if (key && valid.has(key)) return key;
    if (key) await io.play(node.invalidPrompt ?? INVALID);
  }
  return null;
}
