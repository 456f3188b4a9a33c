/**
 * One "server process" of the two-process routing test: its own connection pool and
 * dispatcher on TEST_DATABASE_URL, routing one tenant as fast as it can for a while, then
 * printing how many offers it claimed. Started by two-processes.test.ts, twice at once.
 */
import { createDatabase } from "@/db/client";
import { createDispatcher } from "@/server/acd/dispatcher";
import { testDeps } from "../factories";

const [tenantId = "", rounds = "30"] = process.argv.slice(2);
const db = await createDatabase({ url: process.env.TEST_DATABASE_URL as string });
const deps = testDeps(db.db);
let claimed = 0;
deps.notifyUser = (_user, event) => {
  if (event.type === "call:offered") claimed++;
};
const dispatcher = createDispatcher(deps, { sweepMs: 60_000, log: () => undefined });
// Both processes wait for the same start signal (a file the parent touches) so they race.
process.stdout.write("ready\n");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
for (let i = 0; i < Number(rounds); i++) {
  dispatcher.kick(tenantId);
  await dispatcher.idle();
}
await dispatcher.close();
await db.close();
process.stdout.write(`claimed ${claimed}\n`);
process.exit(0);
