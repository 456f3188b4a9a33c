export { get } from "./get";
export { update } from "./update";
