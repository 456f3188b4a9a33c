export { get } from "./get";
export { request } from "./request";
export { enqueueIfEnabled } from "./internal";
