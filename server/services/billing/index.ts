export { get } from "./get";
export { checkout } from "./checkout";
export { portal } from "./portal";
export { handleWebhook } from "./handle-webhook";
