export * as auth from "./auth";
export * as skills from "./skills";
export * as users from "./users";
export * as queues from "./queues";
export * as apiKeys from "./api-keys";
export * as audit from "./audit";
export * as trunks from "./trunks";
export * as numbers from "./numbers";
