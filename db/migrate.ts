// `npm run db:migrate`: applies the committed migrations to the configured database.
import { parseEnv } from "@/server/env";
import { openFromEnv } from "./open-from-env";

const db = await openFromEnv(parseEnv(process.env));
await db.migrate();
console.log(`Migrations applied (${db.kind}).`);
await db.close();
