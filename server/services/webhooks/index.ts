export { create } from "./create";
export { list } from "./list";
export { get } from "./get";
export { update } from "./update";
export { remove } from "./remove";
export { rotateSecret } from "./rotate-secret";
export { listDeliveries } from "./list-deliveries";
export { sendTest } from "./send-test";
