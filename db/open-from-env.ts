import { join, resolve } from "node:path";
import type { Env } from "@/server/env";
import { createDatabase } from "./client";

/** The database the environment names: DATABASE_URL, else PGlite under DATA_DIR. */
export const openFromEnv = (env: Env) =>
  createDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(resolve(env.DATA_DIR), "pglite") });
