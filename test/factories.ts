import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { memoryRateLimiter } from "@/server/auth/rate-limit";
import type { Ctx, Deps } from "@/server/context";
import type { Db } from "@/db/client";
import { signup } from "@/server/services/auth/signup";

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
export const uniqueEmail = (label = "user") => `${unique(label)}@example.test`;

export function testDeps(db: Db): Deps {
  return { db, secret: "test-secret-test-secret-test-secret!!", rateLimiter: memoryRateLimiter(), now: () => new Date(), notify: () => {}, notifyUser: () => {}, nodeId: "test-node", kickRouting: () => {}, billing: null, dataDir: join(tmpdir(), "hotline-test-data") };
}

/** A fresh tenant with its admin, and the admin's context. */
export async function makeTenant(deps: Deps, label = "org") {
  const out = await signup({
    deps,
    input: { organization: unique(label), name: "Admin", email: uniqueEmail("admin"), password: "a-long-password-1" },
  });
  const ctx: Ctx = { deps, tenantId: out.tenant.id, actor: { kind: "user", userId: out.user.id, role: "admin" } };
  return { ...out, ctx };
}
