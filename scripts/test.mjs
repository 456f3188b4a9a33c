// `npm test`: every suite. Installs what the suites need when missing (as root), then runs
// typecheck, lint, the unit/service/API tests (vitest) and the browser tests (Playwright).
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ensureBuild, ensureDebianPackages, must, run } from "./lib.mjs";

ensureDebianPackages(["chromium", "fonts-liberation"], "browser tests run in Debian's Chromium");
ensureDebianPackages(
  ["sip-tester", "baresip", "espeak-ng", "pocketsphinx", "pocketsphinx-en-us", "pocketsphinx-testdata", "kamailio"],
  "telephony tests call in with SIPp and baresip; IVR prompts are spoken by espeak-ng; transcripts are made by PocketSphinx from its recorded test speech; several nodes are tested behind Kamailio's dispatcher",
  { services: ["kamailio"] },
);

must("npx", ["tsc", "--noEmit"]);
must("npx", ["eslint", ".", "--max-warnings=0"]);
must("node", ["scripts/ensure-mediasoup.mjs"]);
ensureBuild();

const reports = mkdtempSync(join(tmpdir(), "hotline-reports-"));
const vitestJson = join(reports, "vitest.json");
const playwrightJson = join(reports, "playwright.json");

const unit = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const e2e = run("npx", ["playwright", "test", "--reporter=list,json"], {
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
});

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  counts.passed += r.numPassedTests ?? 0;
  counts.failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  counts.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, "utf8")).stats ?? {};
  counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  counts.failed += s.unexpected ?? 0;
  counts.skipped += s.skipped ?? 0;
}
if (unit !== 0 && counts.failed === 0) counts.failed = 1; // a crash before any test reported
if (e2e !== 0 && counts.failed === 0) counts.failed = 1;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);
