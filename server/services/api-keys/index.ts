export { create } from "./create";
export { list } from "./list";
export { remove } from "./remove";
