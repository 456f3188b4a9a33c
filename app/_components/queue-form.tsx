"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { AlertFields, type AlertSettings, readAlerts } from "../(app)/admin/queues/alert-fields";
import { AnnouncementFields, type AnnouncementSettings, readAnnouncements } from "../(app)/admin/queues/announcement-fields";
import { errorMessage } from "../_lib/api";
import { MAX_WAIT_ACTIONS, STRATEGIES, type MaxWaitAction, type Strategy } from "../_lib/labels";
import type { Queue, Skill } from "../_lib/types";
import { SelectField, TextField } from "./field";
import { SkillLevels, type SkillLevel } from "./skill-levels";
import { ErrorNotice } from "./states";

export interface QueueBody extends AnnouncementSettings, AlertSettings {
  name: string;
  strategy: Strategy;
  ringTimeoutSec: number;
  maxWaitSec: number;
  maxWaitAction: MaxWaitAction;
  overflow: { queueId: string; afterSec: number } | null;
  serviceLevelSec: number;
  priority: number;
  skills: { skillId: string; minLevel: number }[];
}

interface Props {
  queue?: Queue;
  /** Every queue of the tenant (overflow targets; the edited one is left out). */
  queues: Queue[];
  skills: Skill[];
  onSubmit: (body: QueueBody) => Promise<void>;
  /** The submit (and cancel) buttons, rendered at the end of the form. */
  actions: (busy: boolean) => ReactNode;
}

const num = (form: FormData, key: string) => Number(form.get(key));

/** Every routing setting of a queue, with the API's defaults for a new one. */
export function QueueForm({ queue, queues, skills, onSubmit, actions }: Props) {
  const targets = queues.filter((q) => q.id !== queue?.id);
  const [overflowOn, setOverflowOn] = useState(queue?.overflow != null);
  const [levels, setLevels] = useState<SkillLevel[]>(() => queue?.skills.map((s) => ({ skillId: s.skillId, level: s.minLevel })) ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const announcements = readAnnouncements(form);
    if ("error" in announcements) return setError(announcements.error);
    const alerts = readAlerts(form);
    if ("error" in alerts) return setError(alerts.error);
    const body: QueueBody = {
      name: String(form.get("name")),
      strategy: String(form.get("strategy")) as Strategy,
      ringTimeoutSec: num(form, "ringTimeoutSec"),
      maxWaitSec: num(form, "maxWaitSec"),
      maxWaitAction: String(form.get("maxWaitAction")) as MaxWaitAction,
      overflow: overflowOn ? { queueId: String(form.get("overflowQueueId")), afterSec: num(form, "overflowAfterSec") } : null,
      serviceLevelSec: num(form, "serviceLevelSec"),
      priority: num(form, "priority"),
      skills: levels.map((l) => ({ skillId: l.skillId, minLevel: l.level })),
      ...announcements.value,
      ...alerts.value,
    };
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-6" aria-label={queue ? "Queue settings" : "New queue"}>
      {error && <ErrorNotice message={error} />}
      <TextField label="Name" name="name" defaultValue={queue?.name} required maxLength={80} placeholder="e.g. Support, Sales" />

      <Group title="Routing">
        <SelectField label="Strategy" name="strategy" defaultValue={queue?.strategy ?? "longest-idle"}>
          {STRATEGIES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Ring timeout (seconds)" name="ringTimeoutSec" type="number" min={5} max={300} required defaultValue={queue?.ringTimeoutSec ?? 20} hint="Then the next agent is tried." />
        <TextField label="Priority" name="priority" type="number" min={0} max={100} required defaultValue={queue?.priority ?? 0} hint="0-100; higher is answered first." />
      </Group>

      <Group title="Waiting">
        <TextField label="Maximum wait (seconds)" name="maxWaitSec" type="number" min={10} max={86400} required defaultValue={queue?.maxWaitSec ?? 600} />
        <SelectField label="After the maximum wait" name="maxWaitAction" defaultValue={queue?.maxWaitAction ?? "voicemail"}>
          {MAX_WAIT_ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <TextField label="Service level (seconds)" name="serviceLevelSec" type="number" min={1} max={3600} required defaultValue={queue?.serviceLevelSec ?? 20} hint="Calls answered within this count as in service level." />
      </Group>

      <AnnouncementFields queue={queue} />

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Overflow</legend>
        <label className="flex items-center gap-2.5 text-sm text-slate-800">
          <input type="checkbox" className="size-4 accent-brand-600" checked={overflowOn} disabled={targets.length === 0} onChange={(e) => setOverflowOn(e.target.checked)} />
          Overflow to another queue
          {targets.length === 0 && <span className="text-xs text-slate-500">(create another queue first)</span>}
        </label>
        {overflowOn && targets.length > 0 && (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Overflow queue" name="overflowQueueId" defaultValue={queue?.overflow?.queueId ?? targets[0]?.id}>
              {targets.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </SelectField>
            <TextField label="Overflow after (seconds)" name="overflowAfterSec" type="number" min={5} max={3600} required defaultValue={queue?.overflow?.afterSec ?? 60} />
          </div>
        )}
      </fieldset>

      <SkillLevels legend="Required skills" levelWord="Minimum level" skills={skills} value={levels} onChange={setLevels} />

      <AlertFields queue={queue} />
      {actions(busy)}
    </form>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend className="mb-3 text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 sm:grid-cols-3">{children}</div>
    </fieldset>
  );
}
