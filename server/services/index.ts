export * as auth from "./auth";
export * as skills from "./skills";
