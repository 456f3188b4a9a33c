export { setState } from "./set-state";
export { getState } from "./get-state";
export { list } from "./list";
export { forceState } from "./force-state";
