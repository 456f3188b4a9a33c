/**
 * An IVR flow as data: nodes that play prompts, take DTMF, branch on business hours, and end in
 * a queue, a transfer, voicemail, a callback request or a hang-up. `checkFlow` finds every
 * problem a flow has before it can be published (dangling branches, unreachable nodes, loops
 * that never wait for the caller).
 */
import { z } from "zod";

const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "node ids are 1-40 letters, digits, - or _");
const next = nodeId.nullable();
export const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"] as const;

export const prompt = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tts"), text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ kind: z.literal("tone"), hz: z.number().int().min(100).max(3400), ms: z.number().int().min(50).max(10_000) }),
  /** An uploaded recording (the prompts table, G.711 mu-law), checked against the tenant on publish. */
  z.strictObject({ kind: z.literal("audio"), promptId: z.uuid() }),
]);
export type Prompt = z.infer<typeof prompt>;

const base = { id: nodeId, label: z.string().trim().max(80).optional() };
export const flowNode = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("play"), prompt, next }),
  z.strictObject({
    ...base,
    type: z.literal("menu"),
    prompt,
    options: z.array(z.strictObject({ digit: z.enum(DIGITS), next: nodeId })).min(1).max(12),
    timeoutSec: z.number().int().min(1).max(60).default(5),
    maxRetries: z.number().int().min(0).max(5).default(2),
    invalidPrompt: prompt.optional(),
    /** Where the call goes when the caller never chooses (after the retries). */
    noInput: next,
  }),
  z.strictObject({ ...base, type: z.literal("hours"), hoursId: z.uuid(), open: nodeId, closed: nodeId }),
  z.strictObject({ ...base, type: z.literal("queue"), queueId: z.uuid() }),
  z.strictObject({ ...base, type: z.literal("transfer"), number: z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number") }),
  z.strictObject({ ...base, type: z.literal("voicemail"), prompt: prompt.optional() }),
  z.strictObject({ ...base, type: z.literal("callback"), prompt: prompt.optional() }),
  z.strictObject({ ...base, type: z.literal("hangup"), prompt: prompt.optional() }),
]);
export type FlowNode = z.infer<typeof flowNode>;

export const flowDefinition = z.strictObject({
  start: nodeId,
  nodes: z.array(flowNode).min(1).max(200),
});
export type FlowDefinition = z.infer<typeof flowDefinition>;

/** The ids a node can lead to. */
export function successors(node: FlowNode): string[] {
  switch (node.type) {
    case "play":
      return node.next ? [node.next] : [];
    case "menu":
      return [...node.options.map((o) => o.next), ...(node.noInput ? [node.noInput] : [])];
    case "hours":
      return [node.open, node.closed];
    default:
      return [];
  }
}

export interface FlowProblem {
  nodeId: string | null;
  message: string;
}

/** Every structural problem of a flow; an empty list means it can be published. */
export function checkFlow(flow: FlowDefinition): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map<string, FlowNode>();
  for (const n of flow.nodes) {
    if (byId.has(n.id)) problems.push({ nodeId: n.id, message: `two nodes are called "${n.id}"` });
    byId.set(n.id, n);
  }
  if (!byId.has(flow.start)) problems.push({ nodeId: null, message: `the start node "${flow.start}" does not exist` });
  for (const n of flow.nodes) {
    for (const target of successors(n)) {
      if (!byId.has(target)) problems.push({ nodeId: n.id, message: `leads to "${target}", which does not exist` });
    }
    if (n.type === "menu") {
      const digits = n.options.map((o) => o.digit);
      const twice = digits.find((d, i) => digits.indexOf(d) !== i);
      if (twice) problems.push({ nodeId: n.id, message: `digit ${twice} is used twice` });
    }
    if (n.type === "play" && n.next === null) problems.push({ nodeId: n.id, message: "plays a prompt and then leads nowhere: end with a hang-up, queue or voicemail" });
  }
  // Reachability from the start.
  const seen = new Set<string>();
  const stack = byId.has(flow.start) ? [flow.start] : [];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = byId.get(id);
    if (n) stack.push(...successors(n).filter((s) => byId.has(s)));
  }
  for (const n of flow.nodes) if (!seen.has(n.id)) problems.push({ nodeId: n.id, message: "cannot be reached from the start" });
  // A cycle of prompts and hours checks only (no menu) would play forever without the caller.
  const waits = (n: FlowNode) => n.type === "menu";
  const state = new Map<string, "open" | "done">();
  const visit = (id: string): boolean => {
    const n = byId.get(id);
    if (!n || waits(n)) return false;
    if (state.get(id) === "open") return true;
    if (state.get(id) === "done") return false;
    state.set(id, "open");
    const looped = successors(n).some(visit);
    state.set(id, "done");
    return looped;
  };
  for (const n of flow.nodes) {
    state.clear();
    if (!waits(n) && visit(n.id)) {
      problems.push({ nodeId: n.id, message: "is in a loop that never waits for the caller" });
      break;
    }
  }
  return problems;
}

/** Every prompt a node plays (the menu's invalid-key prompt too). */
export function nodePrompts(node: FlowNode): Prompt[] {
  switch (node.type) {
    case "play":
      return [node.prompt];
    case "menu":
      return node.invalidPrompt ? [node.prompt, node.invalidPrompt] : [node.prompt];
    case "voicemail":
    case "callback":
    case "hangup":
      return node.prompt ? [node.prompt] : [];
    default:
      return [];
  }
}

/** The uploaded prompts a node plays. */
export const audioPromptIds = (node: FlowNode): string[] => nodePrompts(node).flatMap((p) => (p.kind === "audio" ? [p.promptId] : []));

/** The queue, business-hours and uploaded prompt ids a flow refers to (checked against the tenant on save). */
export function references(flow: FlowDefinition): { queueIds: string[]; hoursIds: string[]; promptIds: string[] } {
  const queueIds = flow.nodes.flatMap((n) => (n.type === "queue" ? [n.queueId] : []));
  const hoursIds = flow.nodes.flatMap((n) => (n.type === "hours" ? [n.hoursId] : []));
  const promptIds = flow.nodes.flatMap(audioPromptIds);
  return { queueIds: [...new Set(queueIds)], hoursIds: [...new Set(hoursIds)], promptIds: [...new Set(promptIds)] };
}
