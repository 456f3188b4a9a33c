import { existsSync } from "node:fs";

/** API tests run the real Next.js production build; say how to get one when it is missing. */
export default function setup() {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No Next.js build found: run `npm run build` first (npm test does this for you).");
  }
}
