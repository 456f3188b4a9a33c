import { createApp } from "./app";
import { EnvError, parseEnv } from "./env";
import { logError } from "./log";

async function main() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const app = await createApp({ env, dev: env.NODE_ENV === "development" });
  const { url } = await app.listen();
  const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.DATA_DIR}`;
  console.log(`Hotline is running at ${env.PUBLIC_URL ?? url}  (database: ${where})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: ending live calls now`);
      app.endDrain();
      return;
    }
    stopping = true;
    console.log(`${signal}: taking no new calls; live calls may go on for ${env.DRAIN_SECONDS} s (${signal} again to end them now)`);
    const force = setTimeout(() => process.exit(1), (env.DRAIN_SECONDS + 15) * 1000);
    force.unref();
    app
      .drain()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          logError("main", "stopping failed", e);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  logError("main", "Hotline failed to start", e);
  process.exit(1);
});
