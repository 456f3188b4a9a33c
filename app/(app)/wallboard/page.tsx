"use client";
import Link from "next/link";
import { buttonClass } from "../../_components/button";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { EmptyState, ErrorNotice, Loading } from "../../_components/states";
import { formatSeconds } from "../../_lib/labels";
import type { Queue } from "../../_lib/types";
import { useResource } from "../../_lib/use-resource";

export default function Wallboard() {
  const { user } = useSession();
  const queues = useResource<Queue[]>("/queues");

  return (
    <>
      <PageHeader title="Wallboard" description="Live figures per queue." />
      {queues.error && <ErrorNotice message={queues.error} onRetry={() => void queues.reload()} />}
      {!queues.data && queues.loading && <Loading />}
      {queues.data?.length === 0 && (
        <EmptyState
          title="No queues yet"
          action={
            user.role === "admin" && (
              <Link href="/admin/queues" className={buttonClass("primary")}>
                Create a queue
              </Link>
            )
          }
        >
          Each queue gets a tile here with calls waiting, service level and agents.
        </EmptyState>
      )}
      {queues.data && queues.data.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {queues.data.map((q) => (
            <li key={q.id} aria-label={q.name} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-center justify-between">
                <h2 className="font-semibold text-slate-900">{q.name}</h2>
                <span className="text-xs text-slate-500">{q.agentCount === 1 ? "1 agent" : `${q.agentCount} agents`}</span>
              </div>
              <dl className="mt-4 grid grid-cols-3 gap-3">
                <Stat label="Waiting" value="0" />
                <Stat label="Longest wait" value="—" />
                <Stat label="Service level" value="—" />
              </dl>
              <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
                Service level: calls answered within {formatSeconds(q.serviceLevelSec)} ÷ calls answered.
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
