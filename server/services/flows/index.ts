export { create } from "./create";
export { list } from "./list";
export { get } from "./get";
export { update } from "./update";
export { remove } from "./remove";
export { publish } from "./publish";
export { versions } from "./versions";
export { published } from "./published";
