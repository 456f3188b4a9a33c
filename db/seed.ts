// `npm run db:seed`: a demo tenant to click around in (idempotent: skips when it exists).
import { sql } from "drizzle-orm";
import { memoryRateLimiter } from "@/server/auth/rate-limit";
import type { Ctx } from "@/server/context";
import { parseEnv } from "@/server/env";
import { resolveSecret } from "@/server/secret";
import { signup } from "@/server/services/auth/signup";
import * as skills from "@/server/services/skills";
import { users } from "./schema";
import { openFromEnv } from "./open-from-env";

const env = parseEnv(process.env);
const db = await openFromEnv(env);
await db.migrate();
const deps = { db: db.db, secret: resolveSecret(env.APP_SECRET, env.DATA_DIR).secret, rateLimiter: memoryRateLimiter(), now: () => new Date(), notify: () => {}, notifyUser: () => {}, nodeId: "seed", kickRouting: () => {}, billing: null, dataDir: env.DATA_DIR };
const email = "admin@demo.hotline.test";
const [exists] = await db.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
if (exists) {
  console.log(`Demo tenant already there: sign in as ${email}`);
} else {
  const out = await signup({ deps, input: { organization: "Demo Support", name: "Demo Admin", email, password: "demo-password-1" } });
  const ctx: Ctx = { deps, tenantId: out.tenant.id, actor: { kind: "user", userId: out.user.id, role: "admin" } };
  for (const name of ["Billing", "Technical", "Spanish"]) await skills.create({ ctx, input: { name } });
  console.log(`Demo tenant created: sign in as ${email} / demo-password-1`);
}
await db.close();
