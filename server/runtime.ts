import type { Deps } from "./context";
import type * as services from "./services";

export type Services = typeof services;

/** What the Next.js route adapters reach: built by createApp, shared through globalThis because
 * Next.js bundles the adapters separately from this process's own modules. */
export interface Runtime {
  deps: Deps;
  services: Services;
  /** Origins allowed to make cookie-authenticated mutations (besides the request's own host). */
  trustedOrigins: string[];
  secureCookies: boolean;
  limits: { signupPerHour: number; loginPerMinute: number };
  openapi: () => unknown;
}

const KEY = Symbol.for("hotline.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(rt: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = rt;
}

export function getRuntime(): Runtime {
  const rt = (globalThis as Holder)[KEY];
  if (!rt) throw new Error("Hotline runtime is not initialised: start the product with server/main.ts");
  return rt;
}
