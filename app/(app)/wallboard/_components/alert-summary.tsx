"use client";
import { useState } from "react";
import { AlertIcon } from "./alert-icon";
import type { QueueFigures } from "./use-wallboard";

const keysOf = (queues: QueueFigures[]) => new Set(queues.flatMap((q) => q.alerts.map((a) => `${q.id}:${a.kind}`)));

/**
 * The sentence to announce when alerts start: those breached now that were not at the previous
 * figures. Nothing on the first figures (the summary shows them) nor when a refresh changes only
 * the values of alerts already on; `n` changes with each announcement so a repeat is heard too.
 */
function useAlertAnnouncement(queues: QueueFigures[] | undefined) {
  const [seen, setSeen] = useState<{ source: QueueFigures[] | undefined; active: Set<string> | null; text: string; n: number }>({
    source: undefined,
    active: null,
    text: "",
    n: 0,
  });
  if (queues !== seen.source) {
    const active = queues ? keysOf(queues) : seen.active;
    const before = seen.active;
    const started =
      queues && before ? queues.flatMap((q) => q.alerts.filter((a) => !before.has(`${q.id}:${a.kind}`)).map((a) => `${q.name}: ${a.message}.`)) : [];
    setSeen({ source: queues, active, text: started.length > 0 ? `Alert: ${started.join(" ")}` : seen.text, n: started.length > 0 ? seen.n + 1 : seen.n });
  }
  return seen;
}

/** "2 queues in alert" above the tiles, and a live region that announces each alert as it starts. */
export function AlertSummary({ queues }: { queues: QueueFigures[] | undefined }) {
  const announcement = useAlertAnnouncement(queues);
  const inAlert = (queues ?? []).filter((q) => q.alerts.length > 0);
  return (
    <>
      <div role="alert" className="sr-only">
        {announcement.text && <span key={announcement.n}>{announcement.text}</span>}
      </div>
      {queues && queues.length > 0 && (
        <section aria-label="Alerts" className="mb-4">
          {inAlert.length > 0 ? (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800">
              <AlertIcon className="size-5 shrink-0" />
              <p className="font-semibold">{inAlert.length === 1 ? "1 queue in alert" : `${inAlert.length} queues in alert`}</p>
              <ul aria-label="Queues in alert" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
                {inAlert.map((q) => (
                  <li key={q.id}>
                    <a href={`#queue-${q.id}`} className="underline underline-offset-2 hover:text-red-900">
                      {q.name}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm text-slate-600">No queue in alert. Admins set each queue&apos;s alert thresholds in its settings.</p>
          )}
        </section>
      )}
    </>
  );
}
