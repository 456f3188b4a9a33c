"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useId, useMemo, useState } from "react";
import { RoleGuard } from "../../_components/admin-guard";
import { buttonClass } from "../../_components/button";
import { PageHeader } from "../../_components/page-header";
import { useSession } from "../../_components/session";
import { ErrorNotice, Loading } from "../../_components/states";
import type { AgentReport, Queue, QueueReport } from "../../_lib/types";
import { useResource } from "../../_lib/use-resource";
import { AgentReportView } from "./_components/agent-report";
import { FilterForm } from "./_components/filter-form";
import { periodName } from "./_components/format";
import { QueueReportView } from "./_components/queue-report";
import { type ReportParams, type View, pageHref, readParams, readableError, reportPath } from "./_components/report-params";
import { ReportTabs, panelId, tabId } from "./_components/report-tabs";
import { useReport } from "./_components/use-report";

const BY = { hour: "by the hour", day: "by day", week: "by week" } as const;
const DESCRIPTION = "Calls per queue and agent over a period, by the hour, day or week.";

export default function ReportsPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Reports />
    </Suspense>
  );
}

function Reports() {
  const { user } = useSession();
  return (
    <RoleGuard minimum="supervisor" what="Reports">
      <ReportsView isAdmin={user.role === "admin"} />
    </RoleGuard>
  );
}

/** The report the URL names (or the last 7 days), the form to choose another, and the download. */
function ReportsView({ isAdmin }: { isAdmin: boolean }) {
  const base = useId();
  const search = useSearchParams();
  const router = useRouter();
  const { params, view } = useMemo(() => readParams(search), [search]);
  const [nonce, setNonce] = useState(0);
  const queues = useResource<Queue[]>("/queues");
  const path = reportPath(view, params);
  const queueReport = useReport<QueueReport>(view === "queues" ? path : null, nonce);
  const agentReport = useReport<AgentReport>(view === "agents" ? path : null, nonce);
  const report = view === "queues" ? queueReport : agentReport;
  const error = report.error && { ...report.error, ...readableError(report.error.message) };

  const show = (p: ReportParams) => {
    const href = pageHref(p, view);
    // The same report again: fetch it anew (its calls may have changed); else the URL says which.
    if (href === pageHref(params, view)) setNonce((n) => n + 1);
    else router.push(href, { scroll: false });
  };

  return (
    <>
      <PageHeader title="Reports" description={DESCRIPTION} />
      <FilterForm applied={params} queues={queues.data} busy={report.loading} invalid={error ? error.fields : []} errorId={error ? `${base}-error` : undefined} onSubmit={show} />
      {error && (
        <div id={`${base}-error`} className="mt-3">
          <ErrorNotice message={error.text} onRetry={error.status === 422 ? undefined : () => setNonce((n) => n + 1)} />
        </div>
      )}
      <div className="mb-4 mt-6 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ReportTabs base={base} view={view} onChange={(v: View) => router.replace(pageHref(params, v), { scroll: false })} />
          <p className="text-sm text-slate-500">
            {periodName(params.from, params.to)} · {BY[params.interval]} · {params.timeZone}
            {params.queueId && ` · ${queues.data?.find((q) => q.id === params.queueId)?.name ?? "one queue"}`}
          </p>
        </div>
        {report.data && !error && (
          <a href={`/api/v1${reportPath(view, params, "csv")}`} download className={buttonClass("secondary", "sm")}>
            Download CSV
          </a>
        )}
      </div>
      <div role="tabpanel" id={panelId(base)} aria-labelledby={tabId(base, view)} aria-busy={report.loading || undefined}>
        {!report.data && report.loading && <Loading label="Loading the report…" />}
        {!error && view === "queues" && queueReport.data && <QueueReportView report={queueReport.data} isAdmin={isAdmin} />}
        {!error && view === "agents" && agentReport.data && <AgentReportView report={agentReport.data} />}
      </div>
    </>
  );
}
