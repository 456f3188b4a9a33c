export { create } from "./create";
export { list } from "./list";
export { update } from "./update";
export { remove } from "./remove";
