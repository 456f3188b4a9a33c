export * as scorecards from "./scorecards";
export { evaluate, forCall, list as listEvaluations } from "./evaluations";
