"use client";
import { useId, useState } from "react";
import { inputClass } from "../../../../_components/field";
import { clock } from "./play-from";
import type { Transcript } from "./use-transcript";

type Segment = Transcript["segments"][number];

const SPEAKER = {
  caller: { label: "Caller", tag: "bg-brand-50 text-brand-700 ring-brand-100", line: "border-brand-500" },
  agent: { label: "Agent", tag: "bg-emerald-50 text-emerald-700 ring-emerald-200", line: "border-emerald-500" },
} as const;

/** What the server put in place of personal data. */
const MASKS: Record<string, { label: string; spoken: string }> = {
  "[card]": { label: "card masked", spoken: "A card number was masked here" },
  "[number]": { label: "number masked", spoken: "A number was masked here" },
  "[email]": { label: "e-mail masked", spoken: "An e-mail address was masked here" },
};
const MASK_SPLIT = /(\[(?:card|number|email)\])/;

/** The words as they read, without the masked items (what a search looks in). */
const plain = (text: string) => text.split(MASK_SPLIT).filter((p) => !MASKS[p]).join(" ");

function Marked({ text, query }: { text: string; query: string }) {
  if (!query) return text;
  const out: React.ReactNode[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(query); i >= 0; i = lower.indexOf(query, at)) {
    out.push(text.slice(at, i), <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">{text.slice(i, i + query.length)}</mark>);
    at = i + query.length;
  }
  out.push(text.slice(at));
  return out;
}

function Words({ text, query }: { text: string; query: string }) {
  return text.split(MASK_SPLIT).map((part, i) => {
    const mask = MASKS[part];
    if (!mask) return <Marked key={i} text={part} query={query} />;
    return (
      <span key={i} title={mask.spoken} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 align-baseline text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-200">
        <LockIcon />
        <span aria-hidden>{mask.label}</span>
        <span className="sr-only">({mask.spoken.toLowerCase()})</span>
      </span>
    );
  });
}

function LockIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3 fill-current">
      <path d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7zm1.5 0h3V5a1.5 1.5 0 0 0-3 0z" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3 fill-current">
      <path d="M4 2.5v11l9-5.5z" />
    </svg>
  );
}

/** The utterances in the order they were said, each playable from its start; a search narrows them. */
export function Utterances({ segments, onPlay }: { segments: Segment[]; onPlay?: (ms: number) => void }) {
  const [find, setFind] = useState("");
  const searchId = useId();
  const query = find.trim().toLowerCase();
  const shown = query ? segments.filter((s) => plain(s.text).toLowerCase().includes(query)) : segments;

  return (
    <div className="space-y-4">
      {segments.length > 1 && (
        <div className="max-w-sm">
          <label htmlFor={searchId} className="sr-only">
            Find in transcript
          </label>
          <input id={searchId} type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="Find in transcript" className={inputClass} />
        </div>
      )}
      <p role="status" className={query ? "text-sm text-slate-500" : "sr-only"}>
        {query ? (shown.length === 0 ? `Nothing said matches “${find.trim()}”.` : `${shown.length} of ${segments.length} utterances match “${find.trim()}”.`) : ""}
      </p>
      <ol aria-label="Utterances" className="space-y-3">
        {shown.map((s) => {
          const who = SPEAKER[s.speaker];
          return (
            <li key={`${s.speaker}-${s.startMs}-${s.endMs}`} className="flex gap-3">
              <div className="w-16 shrink-0">
                {onPlay ? (
                  <button
                    type="button"
                    onClick={() => onPlay(s.startMs)}
                    aria-label={`Play from ${clock(s.startMs)}`}
                    className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium tabular-nums text-brand-700 hover:bg-brand-50"
                  >
                    <PlayIcon />
                    {clock(s.startMs)}
                  </button>
                ) : (
                  <span className="inline-block px-2 py-1 text-xs tabular-nums text-slate-500">{clock(s.startMs)}</span>
                )}
              </div>
              <div className={`min-w-0 flex-1 border-l-2 pl-3 ${who.line}`}>
                <span className={`inline-flex rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${who.tag}`}>{who.label}</span>
                <p className="mt-1 break-words text-sm leading-6 text-slate-800">
                  <Words text={s.text} query={query} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
