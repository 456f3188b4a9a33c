// Shared steps of `npm start` and `npm test`: system packages, the mediasoup worker, the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = new URL("..", import.meta.url).pathname;

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

export function must(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function installedDebianPackage(name) {
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return r.status === 0 && r.stdout.includes("install ok installed");
}

/** Installs missing Debian packages as root, or stops with the exact command to run. */
export function ensureDebianPackages(packages, why, { services = [] } = {}) {
  const missing = packages.filter((p) => !installedDebianPackage(p));
  if (missing.length === 0) return;
  // Packages that ship a daemon (Kamailio) are installed for their binary only: policy-rc.d stops
  // Debian from starting the service, and it is disabled afterwards (it would take port 5060).
  const quiet = services.filter((s) => missing.includes(s));
  const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  const command = quiet.length
    ? `p=/usr/sbin/policy-rc.d; own=; if [ ! -e $p ]; then printf '#!/bin/sh\\nexit 101\\n' > $p && chmod +x $p && own=1; fi; (${install}); s=$?; if [ -n "$own" ]; then rm -f $p; fi; if command -v systemctl >/dev/null; then systemctl disable --now ${quiet.join(" ")} >/dev/null 2>&1; fi; exit $s`
    : install;
  if (!isRoot()) {
    console.error(`Hotline needs ${missing.join(", ")} (${why}). Run as root:\n  ${command}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} (${why})…`);
  // Waits for another apt/dpkg run (a parallel install) instead of failing on its lock.
  const locked = command.replaceAll("apt-get ", "apt-get -o DPkg::Lock::Timeout=300 ");
  must("sh", ["-c", `export DEBIAN_FRONTEND=noninteractive; ${locked}`]);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds the Next.js app when there is no build or a source is newer than it. */
export function ensureBuild({ force = false } = {}) {
  const marker = join(ROOT, ".next", "BUILD_ID");
  const sources = ["app", "server", "db", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"];
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const stale = force || built === 0 || sources.some((s) => newestMtime(join(ROOT, s)) > built);
  if (!stale) return;
  console.log("Building the web app (next build)…");
  must("npx", ["next", "build"]);
}
