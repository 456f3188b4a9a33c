"use client";
import Link from "next/link";
import { buttonClass } from "../../_components/button";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { useNow } from "../../_components/softphone/use-now";
import { EmptyState, ErrorNotice, Loading } from "../../_components/states";
import { useMemo } from "react";
import { AgentBoard } from "./_components/agent-board";
import { AlertSummary } from "./_components/alert-summary";
import { MonitorBar } from "./_components/monitor-bar";
import { useMonitor } from "./_components/use-monitor";
import { QueueTile } from "./_components/queue-tile";
import { useWallboard } from "./_components/use-wallboard";

export default function WallboardPage() {
  const { user } = useSession();
  const { board, agents } = useWallboard();
  const now = useNow(1000);
  const liveCalls = useMemo(() => new Set((agents.data ?? []).flatMap((a) => (a.state === "in_call" && a.callId ? [a.callId] : []))), [agents.data]);
  const monitor = useMonitor(liveCalls);

  return (
    <>
      <PageHeader title="Wallboard" description={`Live figures per queue, updated as calls and agents change. Calls of the last ${board.data?.windowHours ?? 24} hours.`} />
      <AlertSummary queues={board.data?.queues} />
      {board.error && <ErrorNotice message={board.error} onRetry={() => void board.reload()} />}
      {!board.data && board.loading && <Loading />}
      {board.data?.queues.length === 0 && (
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
      {board.data && board.data.queues.length > 0 && (
        <ul aria-label="Queues" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {board.data.queues.map((q) => (
            <QueueTile key={q.id} q={q} now={now} />
          ))}
        </ul>
      )}
      <section aria-labelledby="agents-heading" className="mt-8">
        <h2 id="agents-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Agents
        </h2>
        {agents.error && <ErrorNotice message={agents.error} onRetry={() => void agents.reload()} />}
        {!agents.data && agents.loading && <Loading />}
        {monitor.current && <MonitorBar monitor={{ ...monitor, current: monitor.current }} />}
        {!monitor.current && monitor.error && (
          <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            Could not join the call: {monitor.error}
          </p>
        )}
        {agents.data && (
          <AgentBoard
            agents={agents.data}
            now={now}
            onChanged={() => void agents.reload()}
            monitoring={monitor.current?.callId ?? null}
            onMonitor={(a, mode) => a.callId && void monitor.start(a.callId, a.name, mode)}
          />
        )}
      </section>
    </>
  );
}
