export { create } from "./create";
export { list } from "./list";
export { get } from "./get";
export { update } from "./update";
export { remove } from "./remove";
export { listAgents } from "./list-agents";
export { addAgent } from "./add-agent";
export { removeAgent } from "./remove-agent";
