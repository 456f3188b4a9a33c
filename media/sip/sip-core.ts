/** sip.js's core (parser, transactions, dialogs, user agent core), without its browser layer. */
export * as Core from "sip.js/lib/core/index.js";
export { URI } from "sip.js/lib/grammar/index.js";
