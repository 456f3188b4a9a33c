export { agentReport } from "./agents";
export { agentReportCsv, queueReportCsv } from "./csv";
export { queueReport } from "./queues";
