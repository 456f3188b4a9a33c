"use client";
import { inputClass } from "../field";
import { Button } from "../button";
import { Labeled } from "./labeled";
import { type FlowNode, typeLabel } from "./model";
import { PromptField, type PromptOption } from "./prompt-field";

interface Option {
  id: string;
  name: string;
}
interface Props {
  node: FlowNode;
  nodeIds: string[];
  queues: Option[];
  hours: Option[];
  /** The tenant's uploaded recordings. */
  prompts: PromptOption[];
  problems: string[];
  isStart: boolean;
  onChange: (node: FlowNode) => void;
  onRemove: () => void;
  onMakeStart: () => void;
}

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"] as const;

function Target({ label, value, nodeIds, self, onChange }: { label: string; value: string | null; nodeIds: string[]; self: string; onChange: (v: string | null) => void }) {
  return (
    <Labeled label={label}>
      {(id) => (
        <select id={id} className={inputClass} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">— choose a step —</option>
          {nodeIds
            .filter((n) => n !== self)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
      )}
    </Labeled>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: Option[]; onChange: (v: string) => void }) {
  return (
    <Labeled label={label}>
      {(id) => (
        <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">— choose —</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Labeled>
  );
}

/** One step of the flow, edited in place; its fields depend on its type. */
export function NodeCard({ node, nodeIds, queues, hours, prompts, problems, isStart, onChange, onRemove, onMakeStart }: Props) {
  const set = (patch: Partial<FlowNode>) => onChange({ ...node, ...patch } as FlowNode);
  return (
    <article id={`node-${node.id}`} aria-label={`Step ${node.id}`} className={`rounded-lg border bg-white p-4 shadow-sm ${problems.length ? "border-red-300" : "border-slate-200"}`}>
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <span className="rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">{node.id}</span>
        <span className="text-sm font-semibold text-slate-900">{typeLabel(node.type)}</span>
        {isStart && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Start</span>}
        <span className="ml-auto flex gap-1">
          {!isStart && (
            <Button variant="ghost" size="sm" onClick={onMakeStart}>
              Make start
            </Button>
          )}
          <Button variant="ghost-danger" size="sm" onClick={onRemove} aria-label={`Remove step ${node.id}`}>
            Remove
          </Button>
        </span>
      </header>
      {problems.length > 0 && (
        <ul className="mb-3 space-y-1 text-sm text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {node.type === "play" && (
          <>
            <PromptField label="Prompt" value={node.prompt} prompts={prompts} onChange={(p) => set({ prompt: p ?? { kind: "tts", text: "" } })} />
            <Target label="Then" value={node.next} nodeIds={nodeIds} self={node.id} onChange={(next) => set({ next })} />
          </>
        )}
        {node.type === "menu" && (
          <>
            <PromptField label="Prompt" value={node.prompt} prompts={prompts} onChange={(p) => set({ prompt: p ?? { kind: "tts", text: "" } })} />
            <Target label="When the caller presses nothing" value={node.noInput} nodeIds={nodeIds} self={node.id} onChange={(noInput) => set({ noInput })} />
            <div className="sm:col-span-2">
              <p className="text-xs font-medium text-slate-600">Keys</p>
              <ul className="mt-1 space-y-2">
                {node.options.map((o, i) => (
                  <li key={i} className="flex items-end gap-2">
                    <Labeled label="Key">
                      {(id) => (
                        <select
                          id={id}
                          className={`${inputClass} w-20`}
                          value={o.digit}
                          onChange={(e) => set({ options: node.options.map((x, j) => (j === i ? { ...x, digit: e.target.value as (typeof DIGITS)[number] } : x)) })}
                        >
                          {DIGITS.map((d) => (
                            <option key={d}>{d}</option>
                          ))}
                        </select>
                      )}
                    </Labeled>
                    <div className="flex-1">
                      <Target label="Goes to" value={o.next || null} nodeIds={nodeIds} self={node.id} onChange={(next) => set({ options: node.options.map((x, j) => (j === i ? { ...x, next: next ?? "" } : x)) })} />
                    </div>
                    <Button variant="ghost-danger" size="sm" onClick={() => set({ options: node.options.filter((_, j) => j !== i) })} aria-label={`Remove key ${o.digit}`}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                onClick={() => {
                  const free = DIGITS.find((d) => !node.options.some((o) => o.digit === d)) ?? "1";
                  set({ options: [...node.options, { digit: free, next: "" }] });
                }}
              >
                Add key
              </Button>
            </div>
          </>
        )}
        {node.type === "hours" && (
          <>
            <Select label="Business hours" value={node.hoursId} options={hours} onChange={(hoursId) => set({ hoursId })} />
            <div />
            <Target label="When open" value={node.open || null} nodeIds={nodeIds} self={node.id} onChange={(open) => set({ open: open ?? "" })} />
            <Target label="When closed" value={node.closed || null} nodeIds={nodeIds} self={node.id} onChange={(closed) => set({ closed: closed ?? "" })} />
          </>
        )}
        {node.type === "queue" && <Select label="Queue" value={node.queueId} options={queues} onChange={(queueId) => set({ queueId })} />}
        {node.type === "transfer" && (
          <Labeled label="Number">
            {(id) => <input id={id} className={inputClass} value={node.number} onChange={(e) => set({ number: e.target.value.trim() })} placeholder="+14155550100" />}
          </Labeled>
        )}
        {(node.type === "voicemail" || node.type === "callback" || node.type === "hangup") && (
          <PromptField label="Prompt (optional)" value={node.prompt} prompts={prompts} optional onChange={(prompt) => set({ prompt })} />
        )}
      </div>
    </article>
  );
}
