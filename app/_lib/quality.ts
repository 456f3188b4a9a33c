// QA scorecards and call scores: the API's shapes (from the server's zod schemas) and how they read.
import type { z } from "zod";
import type { scorecardOut } from "@/server/services/quality/schemas";

export type { EvaluationOut as Evaluation } from "@/server/services/quality/schemas";
export type Scorecard = z.infer<typeof scorecardOut>;

/** A criterion is scored 0 to 5 (MAX_SCORE on the server), or N/A when it does not apply. */
export const SCORES = [0, 1, 2, 3, 4, 5] as const;
export const MAX_SCORE = 5;
export const MAX_WEIGHT = 10;

/** 55 -> "55%", 54.55 -> "54.6%". */
export const formatPct = (pct: number) => `${Math.round(pct * 10) / 10}%`;

/** Milliseconds as m:ss (h:mm:ss past an hour). */
export function formatMs(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export const usedOn = (n: number) => (n === 1 ? "Used on 1 call" : `Used on ${n} calls`);
