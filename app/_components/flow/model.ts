import type { FlowDefinition, FlowNode, Prompt } from "@/server/ivr/definition";

export type { FlowDefinition, FlowNode, Prompt };
export type NodeType = FlowNode["type"];

export const NODE_TYPES: Array<{ type: NodeType; label: string; hint: string }> = [
  { type: "play", label: "Play a prompt", hint: "Say something, then go on" },
  { type: "menu", label: "Menu", hint: "Ask for a key and branch" },
  { type: "hours", label: "Business hours", hint: "Branch on open or closed" },
  { type: "queue", label: "Queue", hint: "Wait for an agent" },
  { type: "transfer", label: "Transfer to a number", hint: "Send the call elsewhere" },
  { type: "voicemail", label: "Voicemail", hint: "Record a message" },
  { type: "callback", label: "Callback request", hint: "An agent calls back" },
  { type: "hangup", label: "Hang up", hint: "Say goodbye and end" },
];
export const typeLabel = (t: NodeType) => NODE_TYPES.find((n) => n.type === t)?.label ?? t;

const say = (text: string): Prompt => ({ kind: "tts", text });

/** A new node of `type` with sensible defaults and a free id. */
export function newNode(type: NodeType, taken: Set<string>, refs: { queueId?: string; hoursId?: string }): FlowNode {
  let n = 1;
  while (taken.has(`${type}-${n}`)) n++;
  const id = `${type}-${n}`;
  switch (type) {
    case "play":
      return { id, type, prompt: say("Thank you for calling."), next: null };
    case "menu":
      return { id, type, prompt: say("For sales, press 1. For support, press 2."), options: [], timeoutSec: 5, maxRetries: 2, noInput: null };
    case "hours":
      return { id, type, hoursId: refs.hoursId ?? "", open: "", closed: "" };
    case "queue":
      return { id, type, queueId: refs.queueId ?? "" };
    case "transfer":
      return { id, type, number: "+1" };
    case "voicemail":
      return { id, type, prompt: say("Please leave a message after the tone.") };
    case "callback":
      return { id, type, prompt: say("We will call you back as soon as possible.") };
    case "hangup":
      return { id, type, prompt: say("Goodbye.") };
  }
}

/** Every branch of a node, named, for the editor and the tree. */
export function branches(node: FlowNode): Array<{ label: string; target: string | null }> {
  switch (node.type) {
    case "play":
      return [{ label: "then", target: node.next }];
    case "menu":
      return [...node.options.map((o) => ({ label: `key ${o.digit}`, target: o.next })), { label: "no input", target: node.noInput }];
    case "hours":
      return [
        { label: "open", target: node.open || null },
        { label: "closed", target: node.closed || null },
      ];
    default:
      return [];
  }
}
