export { store } from "./store";
export { open } from "./open";
export { purgeExpired } from "./purge";
