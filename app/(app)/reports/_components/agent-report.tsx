"use client";
import { EmptyState } from "../../../_components/states";
import { Table, td } from "../../../_components/table";
import type { AgentReport } from "../../../_lib/types";
import { BarChart, describeChart, perBucket, type Series } from "./bar-chart";
import { UNIT, clock, periodName } from "./format";
import { Totals } from "./totals";

const num = `${td} whitespace-nowrap tabular-nums`;

/** The agent report: its totals, calls handled per interval, and the figures per agent. */
export function AgentReportView({ report }: { report: AgentReport }) {
  const t = report.total;
  const period = periodName(report.from, report.to);
  if (t.handled === 0 && t.offers === 0) {
    return (
      <EmptyState title="No calls in this period">
        No agent handled or was offered a call in {period} ({report.timeZone}). Try a longer period.
      </EmptyState>
    );
  }
  const title = `Handled calls per ${UNIT[report.interval]}`;
  const series: Series[] = [{ label: "Handled", fill: "fill-brand-600", swatch: "bg-brand-600", values: perBucket(report.buckets, report.rows, (r) => r.handled) }];
  return (
    <div className="space-y-6">
      <Totals
        items={[
          { label: "Handled", value: String(t.handled), note: `${t.outbound} outbound`, title: "Calls answered by an agent, or placed by one and answered" },
          { label: "Talk time", value: clock(t.talkSec), note: `${clock(t.holdSec)} on hold, ${clock(t.wrapUpSec)} wrap-up` },
          { label: "AHT", value: clock(t.ahtSec), note: "Average handle time", title: "Average time from the answer to the end of wrap-up" },
          { label: "Missed offers", value: String(t.missed), note: `of ${t.offers} offers, ${t.declined} declined`, title: "Offers that rang out without an answer" },
        ]}
      />
      <BarChart title={title} summary={describeChart(title, period, report.buckets, report.interval, series)} buckets={report.buckets} interval={report.interval} series={series} />
      <Table label="Agent figures" head={["Agent", "Handled", "Outbound", "Talk time", "Hold", "Wrap-up", "AHT", "Offers", "Missed", "Declined"]}>
        {report.agents.map((a) => (
          <tr key={a.userId}>
            <td className={`${td} whitespace-nowrap font-medium text-slate-900`}>{a.name}</td>
            <td className={num}>{a.handled}</td>
            <td className={num}>{a.outbound}</td>
            <td className={num}>{clock(a.talkSec)}</td>
            <td className={num}>{clock(a.holdSec)}</td>
            <td className={num}>{clock(a.wrapUpSec)}</td>
            <td className={num}>{clock(a.ahtSec)}</td>
            <td className={num}>{a.offers}</td>
            <td className={num}>{a.missed}</td>
            <td className={num}>{a.declined}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
