export { store } from "./store";
export { open } from "./open";
export { read } from "./read";
export { purgeExpired } from "./purge";
