export { figures } from "./figures";
