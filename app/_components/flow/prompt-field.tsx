"use client";
import Link from "next/link";
import { useState } from "react";
import { inputClass } from "../field";
import { Labeled } from "./labeled";
import type { Prompt } from "./model";

export interface PromptOption {
  id: string;
  name: string;
}
type Kind = Prompt["kind"] | "none";

interface Props {
  label: string;
  value: Prompt | undefined;
  /** Uploaded recordings of the tenant. */
  prompts: PromptOption[];
  /** The step may play nothing ("None"). */
  optional?: boolean;
  onChange: (p: Prompt | undefined) => void;
}

/** What a step plays: words spoken by text to speech, an uploaded recording, or a tone. */
export function PromptField({ label, value, prompts, optional = false, onChange }: Props) {
  const [kind, setKind] = useState<Kind>(value?.kind ?? (optional ? "none" : "tts"));
  const choose = (next: Kind) => {
    setKind(next);
    if (next === "none") onChange(undefined);
    else if (next === "tts") onChange(optional ? undefined : { kind: "tts", text: "" });
    else if (next === "audio") onChange(prompts[0] ? { kind: "audio", promptId: prompts[0].id } : optional ? undefined : { kind: "audio", promptId: "" });
    else onChange({ kind: "tone", hz: 440, ms: 1000 });
  };
  const number = (v: string) => (v === "" ? 0 : Math.round(Number(v)));

  return (
    <div className="space-y-2">
      <Labeled label={label}>
        {(id) => (
          <select id={id} className={inputClass} value={kind} onChange={(e) => choose(e.target.value as Kind)}>
            {optional && <option value="none">None</option>}
            <option value="tts">Text to speech</option>
            <option value="audio" disabled={prompts.length === 0 && value?.kind !== "audio"}>
              {prompts.length ? "Recorded prompt" : "Recorded prompt (none uploaded yet)"}
            </option>
            <option value="tone">Tone</option>
          </select>
        )}
      </Labeled>
      {kind === "tts" && (
        <Labeled label="Words spoken">
          {(id) => (
            <textarea
              id={id}
              rows={2}
              className={`${inputClass} h-auto`}
              value={value?.kind === "tts" ? value.text : ""}
              placeholder="Words spoken to the caller"
              onChange={(e) => onChange(e.target.value || !optional ? { kind: "tts", text: e.target.value } : undefined)}
            />
          )}
        </Labeled>
      )}
      {kind === "audio" && (
        <Labeled label="Recording">
          {(id) => (
            <>
              <select
                id={id}
                className={inputClass}
                value={value?.kind === "audio" && prompts.some((p) => p.id === value.promptId) ? value.promptId : ""}
                onChange={(e) => onChange(e.target.value ? { kind: "audio", promptId: e.target.value } : optional ? undefined : { kind: "audio", promptId: "" })}
              >
                <option value="">— choose a recording —</option>
                {prompts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <p className="text-xs text-slate-500">
                Upload recordings under{" "}
                <Link href="/admin/prompts" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Prompts
                </Link>
                .
              </p>
            </>
          )}
        </Labeled>
      )}
      {kind === "tone" && value?.kind === "tone" && (
        <div className="flex gap-2">
          <Labeled label="Frequency (Hz)">
            {(id) => <input id={id} type="number" min={100} max={3400} className={inputClass} value={value.hz} onChange={(e) => onChange({ ...value, hz: number(e.target.value) })} />}
          </Labeled>
          <Labeled label="Length (ms)">
            {(id) => <input id={id} type="number" min={50} max={10_000} step={50} className={inputClass} value={value.ms} onChange={(e) => onChange({ ...value, ms: number(e.target.value) })} />}
          </Labeled>
        </div>
      )}
    </div>
  );
}
