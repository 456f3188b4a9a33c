export { upload } from "./upload";
export { list } from "./list";
export { get } from "./get";
export { rename } from "./rename";
export { remove } from "./remove";
export { audio } from "./audio";
export { loadUlaw } from "./load-ulaw";
