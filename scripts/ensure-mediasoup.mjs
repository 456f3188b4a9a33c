// Makes `require('mediasoup').createWorker()` work in this clone with no environment variables:
// puts a working mediasoup-worker binary at mediasoup's default path,
//   node_modules/mediasoup/worker/out/Release/mediasoup-worker
// (mediasoup 3.27 looks there unless MEDIASOUP_WORKER_BIN is set).
//
//   node scripts/ensure-mediasoup.mjs [--postinstall] [--quiet]
//   import { ensureMediasoup } from "./ensure-mediasoup.mjs"; ensureMediasoup();
//
// package.json denies mediasoup's own postinstall (`"allowScripts": { "mediasoup": false }`):
// it downloads a prebuilt worker from GitHub and else builds one with pip and meson wraps, all
// unreachable here, and its failure would fail `npm install`. In order, this script:
//   1. does nothing when the worker at the default path starts (the fast path, well under 1 s;
//      also where an npm that ignores allowScripts ran mediasoup's postinstall successfully);
//   2. copies the worker built by scripts/build-mediasoup-worker.sh from the cache outside the
//      clone (${XDG_CACHE_HOME:-~/.cache}/hotline/mediasoup-worker/<version>/);
//   3. runs mediasoup's own prebuilt download (where GitHub is reachable), without its pip build;
//   4. builds the worker into that cache (about 4 minutes; installs Debian packages as root) and
//      copies it.
// With --postinstall (or from an npm postinstall script) a failure is a warning and exit 0, so
// `npm install` never fails because of the worker; `npm start` and `npm test` then stop on it.
// HOTLINE_MEDIASOUP_PREBUILT=0 skips step 3; MEDIASOUP_WORKER_BIN, when set, is checked and used.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SCRIPTS = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SCRIPTS);
const BUILD_SCRIPT = join(SCRIPTS, "build-mediasoup-worker.sh");
const STAMP_NAME = ".hotline-worker.json";

class EnsureError extends Error {}

/** The worker exits with 41 when started without MEDIASOUP_VERSION: it loads and runs. */
function workerRuns(bin) {
  if (!bin || !existsSync(bin)) return false;
  const r = spawnSync(bin, [], { env: {}, stdio: "ignore", timeout: 10_000 });
  return r.status === 41;
}

function recipe() {
  const m = /^HOTLINE_WORKER_RECIPE=(\d+)/m.exec(readFileSync(BUILD_SCRIPT, "utf8"));
  return m ? Number(m[1]) : 0;
}

function cacheDir(version) {
  const base = process.env.XDG_CACHE_HOME || join(process.env.HOME || homedir(), ".cache");
  return join(base, "hotline", "mediasoup-worker", version);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function findMediasoup() {
  try {
    // mediasoup's "exports" hide package.json: resolve the entry point (node/lib/index.js).
    const entry = createRequire(join(ROOT, "package.json")).resolve("mediasoup");
    return join(dirname(entry), "..", "..");
  } catch {
    return undefined;
  }
}

function placeWorker(from, target, stamp) {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  copyFileSync(from, tmp);
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  writeFileSync(join(dirname(target), STAMP_NAME), JSON.stringify(stamp) + "\n");
}

/** mediasoup's own postinstall, limited to its prebuilt download (PYTHON points nowhere, so its
 * pip/meson fallback fails at once instead of trying the network for minutes). */
function tryPrebuilt(pkgDir, target, log) {
  if (process.env.HOTLINE_MEDIASOUP_PREBUILT === "0") return false;
  log("trying mediasoup's prebuilt worker download…");
  const env = { ...process.env, PYTHON: join(pkgDir, "no-python-for-hotline") };
  delete env.MEDIASOUP_WORKER_BIN;
  delete env.MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD;
  delete env.MEDIASOUP_LOCAL_DEV;
  const r = spawnSync(process.execPath, ["npm-scripts.mjs", "postinstall"], {
    cwd: pkgDir,
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
  rmSync(join(pkgDir, "worker", "prebuild"), { recursive: true, force: true });
  if (workerRuns(target)) {
    writeFileSync(join(dirname(target), STAMP_NAME), JSON.stringify({ source: "prebuilt" }) + "\n");
    log("got the prebuilt worker");
    return true;
  }
  const why = `${r.stdout ?? ""}${r.stderr ?? ""}`.match(/failed to download[^\n]*/)?.[0];
  log(`no prebuilt worker${why ? ` (${why.slice(0, 300)})` : ""}`);
  rmSync(target, { force: true });
  rmSync(join(dirname(target), STAMP_NAME), { force: true });
  return false;
}

/**
 * Ensures node_modules/mediasoup has a working worker; returns its path.
 * Throws EnsureError with a readable message when it cannot.
 */
export function ensureMediasoup({ quiet = false } = {}) {
  const log = (msg) => {
    if (!quiet) console.log(`[ensure-mediasoup] ${msg}`);
  };
  const pkgDir = findMediasoup();
  if (!pkgDir) throw new EnsureError("mediasoup is not installed: run `npm install` first");
  const version = readJson(join(pkgDir, "package.json"))?.version;
  if (!version) throw new EnsureError(`cannot read mediasoup's version in ${pkgDir}`);

  const fromEnv = process.env.MEDIASOUP_WORKER_BIN;
  if (fromEnv) {
    if (workerRuns(fromEnv)) return fromEnv;
    throw new EnsureError(`MEDIASOUP_WORKER_BIN=${fromEnv} does not start (unset it to use the project's worker)`);
  }

  const target = join(pkgDir, "worker", "out", "Release", "mediasoup-worker");
  const wanted = recipe();
  // 1. fast path: a worker that starts, prebuilt or built by the current recipe.
  if (workerRuns(target)) {
    const stamp = readJson(join(dirname(target), STAMP_NAME));
    if (!stamp || stamp.source !== "hotline-build" || (stamp.version === version && stamp.recipe === wanted)) {
      return target;
    }
  }

  const cache = cacheDir(version);
  const cached = join(cache, "mediasoup-worker");
  const cacheCurrent = () => {
    const info = existsSync(join(cache, "build-info")) ? readFileSync(join(cache, "build-info"), "utf8") : "";
    return info.split("\n").includes(`recipe=${wanted}`) && workerRuns(cached);
  };
  const useCache = () => {
    placeWorker(cached, target, { source: "hotline-build", version, recipe: wanted, from: cached });
    if (!workerRuns(target)) throw new EnsureError(`the worker copied from ${cached} does not start`);
    log(`mediasoup ${version}: worker from ${cached}`);
    return target;
  };

  // 2. the project's build, cached outside the clone.
  if (cacheCurrent()) return useCache();
  rmSync(target, { force: true });
  rmSync(join(dirname(target), STAMP_NAME), { force: true });

  // 3. upstream's prebuilt binary, where it can be downloaded.
  if (tryPrebuilt(pkgDir, target, log)) return target;

  // 4. build it (Debian packages + npm tarball), then copy from the cache.
  log(`building the mediasoup ${version} worker (once per machine and version, about 4 minutes)…`);
  const r = spawnSync("sh", [BUILD_SCRIPT, version], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.error) throw new EnsureError(`cannot run ${BUILD_SCRIPT}: ${r.error.message}`);
  if (r.status !== 0) throw new EnsureError(`${BUILD_SCRIPT} ${version} failed (exit ${r.status})`);
  if (!cacheCurrent()) throw new EnsureError(`${BUILD_SCRIPT} left no working worker in ${cache}`);
  return useCache();
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = new Set(process.argv.slice(2));
  const postinstall = args.has("--postinstall") || process.env.npm_lifecycle_event === "postinstall";
  try {
    ensureMediasoup({ quiet: args.has("--quiet") });
  } catch (err) {
    const message = err instanceof EnsureError ? err.message : String(err?.stack ?? err);
    if (postinstall) {
      console.warn(`[ensure-mediasoup] warning: ${message}\n  npm start and npm test retry this step.`);
      process.exit(0);
    }
    console.error(`[ensure-mediasoup] ${message}`);
    process.exit(1);
  }
}
