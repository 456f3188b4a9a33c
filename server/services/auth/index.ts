export { signup } from "./signup";
export { login } from "./login";
export { logout } from "./logout";
export { authenticate } from "./authenticate";
