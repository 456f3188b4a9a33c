import { formatDate } from "@/app/_lib/labels";
import type { PastCall } from "@/app/_components/softphone/use-caller-lookup";

const dispositionName = (d: PastCall["disposition"]) => (typeof d === "string" ? d : (d?.name ?? "—"));

/** The caller's previous calls: when, who took it, how it ended. */
export function PastCalls({ calls }: { calls: PastCall[] }) {
  if (calls.length === 0) return <p className="text-sm text-slate-500">No earlier calls from this number.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="pb-2 font-medium">Date</th>
          <th className="pb-2 font-medium">Agent</th>
          <th className="pb-2 font-medium">Disposition</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {calls.slice(0, 8).map((c) => (
          <tr key={c.id}>
            <td className="py-2 pr-3 text-slate-700">{formatDate(c.startedAt)}</td>
            <td className="py-2 pr-3 text-slate-700">{c.agent?.name ?? c.agentName ?? "—"}</td>
            <td className="py-2 text-slate-700">{dispositionName(c.disposition)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
