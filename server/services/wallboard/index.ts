export { figures, WINDOW_HOURS } from "./figures";
