export * from "./tenants";
export * from "./users";
export * from "./api-keys";
export * from "./skills";
export * from "./queues";
export * from "./audit-log";
