export { list } from "./list";
