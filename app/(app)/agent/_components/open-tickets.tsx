import { Badge } from "@/app/_components/badge";
import { formatDate } from "@/app/_lib/labels";
import type { OpenTicket } from "@/app/_components/softphone/use-caller-lookup";

const PRIORITY_TONE: Record<string, "gray" | "blue" | "amber" | "red"> = { low: "gray", normal: "blue", high: "amber", urgent: "red" };

/** The caller's tickets that are still open. */
export function OpenTickets({ tickets }: { tickets: OpenTicket[] }) {
  if (tickets.length === 0) return <p className="text-sm text-slate-500">No open tickets.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {tickets.map((t) => (
        <li key={t.id} className="flex items-start justify-between gap-3 py-2 text-sm">
          <div className="min-w-0">
            <p className="truncate font-medium text-slate-900">{t.subject}</p>
            <p className="text-xs text-slate-500">
              {t.status}
              {t.createdAt ? ` · opened ${formatDate(t.createdAt)}` : ""}
            </p>
          </div>
          <Badge tone={PRIORITY_TONE[t.priority] ?? "gray"}>{t.priority}</Badge>
        </li>
      ))}
    </ul>
  );
}
