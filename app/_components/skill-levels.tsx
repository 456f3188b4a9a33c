"use client";
import Link from "next/link";
import type { Skill } from "../_lib/types";

export interface SkillLevel {
  skillId: string;
  level: number;
}

const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

/** Pick skills and a level (1-10) for each: an agent's skills or a queue's required skills. */
export function SkillLevels({ legend, levelWord, skills, value, onChange }: { legend: string; levelWord: string; skills: Skill[]; value: SkillLevel[]; onChange: (v: SkillLevel[]) => void }) {
  const levelOf = (id: string) => value.find((v) => v.skillId === id)?.level;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, { skillId: id, level: 5 }] : value.filter((v) => v.skillId !== id));
  const setLevel = (id: string, level: number) => onChange(value.map((v) => (v.skillId === id ? { ...v, level } : v)));

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {skills.length === 0 ? (
        <p className="mt-1.5 rounded-md border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-500">
          No skills yet.{" "}
          <Link href="/admin/skills" className="font-medium text-brand-700 hover:underline">
            Create skills
          </Link>{" "}
          first.
        </p>
      ) : (
        <ul className="mt-1.5 divide-y divide-slate-100 rounded-md border border-slate-200">
          {skills.map((s) => {
            const level = levelOf(s.id);
            return (
              <li key={s.id} className="flex items-center justify-between gap-3 px-3 py-2">
                <label className="flex min-w-0 items-center gap-2.5 text-sm text-slate-800">
                  <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" checked={level !== undefined} onChange={(e) => toggle(s.id, e.target.checked)} />
                  <span className="truncate">{s.name}</span>
                </label>
                {level !== undefined && (
                  <label className="flex items-center gap-2 text-xs text-slate-500">
                    {levelWord}
                    <select
                      aria-label={`${s.name} ${levelWord.toLowerCase()}`}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
                      value={level}
                      onChange={(e) => setLevel(s.id, Number(e.target.value))}
                    >
                      {LEVELS.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
