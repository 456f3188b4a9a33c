// `npm start`: the whole product on embedded defaults (PGlite under DATA_DIR unless DATABASE_URL).
import { spawn } from "node:child_process";
import { ROOT, ensureBuild, ensureDebianPackages, must } from "./lib.mjs";

ensureDebianPackages(["espeak-ng", "pocketsphinx", "pocketsphinx-en-us"], "IVR prompts and announcements are spoken by espeak-ng; call transcripts are made by PocketSphinx");
must("node", ["scripts/ensure-mediasoup.mjs"]);
ensureBuild();
const child = spawn("npx", ["tsx", "server/main.ts"], { stdio: "inherit", cwd: ROOT });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
