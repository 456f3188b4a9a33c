"use client";
import Link from "next/link";
import { buttonClass } from "../../../_components/button";
import { EmptyState } from "../../../_components/states";
import { Table, td } from "../../../_components/table";
import type { QueueReport } from "../../../_lib/types";
import { BarChart, describeChart, perBucket, type Series } from "./bar-chart";
import { UNIT, clock, percent, periodName } from "./format";
import { Totals } from "./totals";

const num = `${td} whitespace-nowrap tabular-nums`;

/** The queue report: its totals, answered and abandoned per interval, and the figures per queue. */
export function QueueReportView({ report, isAdmin }: { report: QueueReport; isAdmin: boolean }) {
  if (report.queues.length === 0) {
    return (
      <EmptyState
        title="No queues yet"
        action={
          isAdmin && (
            <Link href="/admin/queues" className={buttonClass("primary")}>
              Create a queue
            </Link>
          )
        }
      >
        Reports count the calls that enter your queues. {isAdmin ? "Create one and send a number to it." : "Ask an admin to create one."}
      </EmptyState>
    );
  }
  const t = report.total;
  const period = periodName(report.from, report.to);
  if (t.offered === 0) {
    return (
      <EmptyState title="No calls in this period">
        No caller entered {report.queues.length === 1 ? report.queues[0]?.queueName : "a queue"} in {period} ({report.timeZone}). Try a longer period.
      </EmptyState>
    );
  }
  const title = `Answered and abandoned calls per ${UNIT[report.interval]}`;
  const series: Series[] = [
    { label: "Answered", fill: "fill-brand-600", swatch: "bg-brand-600", values: perBucket(report.buckets, report.rows, (r) => r.answered) },
    { label: "Abandoned", fill: "fill-amber-400", swatch: "bg-amber-400", values: perBucket(report.buckets, report.rows, (r) => r.abandoned) },
  ];
  return (
    <div className="space-y-6">
      <Totals
        items={[
          { label: "Offered", value: String(t.offered), note: "Calls that entered a queue" },
          { label: "Answered", value: String(t.answered), note: `${t.answeredWithinThreshold} within the threshold` },
          { label: "Service level", value: percent(t.serviceLevel), note: "Answered within the threshold", title: "Calls answered within the queue's threshold ÷ calls answered" },
          { label: "Abandon rate", value: percent(t.abandonRate), note: `${t.abandoned} abandoned`, title: "Callers who hung up while waiting ÷ answered and abandoned" },
          { label: "ASA", value: clock(t.asaSec), note: "Average speed of answer", title: "Average time from entering the queue to the answer" },
          { label: "AHT", value: clock(t.ahtSec), note: "Average handle time", title: "Average time from the answer to the end of wrap-up" },
        ]}
      />
      <BarChart title={title} summary={describeChart(title, period, report.buckets, report.interval, series)} buckets={report.buckets} interval={report.interval} series={series} />
      <Table label="Queue figures" head={["Queue", "Offered", "Answered", "Service level", "Abandoned", "Abandon rate", "ASA", "AHT", "Longest wait"]}>
        {report.queues.map((q) => (
          <tr key={q.queueId}>
            <td className={`${td} whitespace-nowrap`}>
              <span className="font-medium text-slate-900">{q.queueName}</span>
              <span className="block text-xs text-slate-500">Threshold {clock(q.serviceLevelSec)}</span>
            </td>
            <td className={num}>{q.offered}</td>
            <td className={num}>{q.answered}</td>
            <td className={num}>{percent(q.serviceLevel)}</td>
            <td className={num}>{q.abandoned}</td>
            <td className={num}>{percent(q.abandonRate)}</td>
            <td className={num}>{clock(q.asaSec)}</td>
            <td className={num}>{clock(q.ahtSec)}</td>
            <td className={num}>{clock(q.longestWaitSec)}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
