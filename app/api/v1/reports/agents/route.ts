import { parseWith } from "@/server/http/body";
import { csvResponse } from "@/server/http/csv";
import { route } from "@/server/http/route";
import { reportQuery } from "@/server/services/reports/schemas";

export const GET = route({ access: "supervisor" }, async (s, { ctx, req }) => {
  const input = parseWith(reportQuery, Object.fromEntries(new URL(req.url).searchParams));
  const report = await s.reports.agentReport({ ctx, input });
  return input.format === "csv" ? csvResponse(`agents-${input.from}-to-${input.to}.csv`, s.reports.agentReportCsv(report)) : report;
});
