import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { memoryRateLimiter } from "@/server/auth/rate-limit";
import type { Ctx, Deps } from "@/server/context";
import type { Db } from "@/db/client";
import { queueMembers, users } from "@/db/schema";
import { signup } from "@/server/services/auth/signup";
import { enqueue } from "@/server/services/calls/enqueue";
import { startInbound } from "@/server/services/calls/start-inbound";

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

/** An agent of the tenant who is a member of `queueId`, written straight to the database; their context. */
export async function makeQueueAgent(deps: Deps, tenantId: string, queueId: string, name: string): Promise<Ctx> {
  const [u] = await deps.db.insert(users).values({ tenantId, email: uniqueEmail(name), name, role: "agent" }).returning();
  if (!u) throw new Error("no user");
  await deps.db.insert(queueMembers).values({ tenantId, queueId, userId: u.id });
  return { deps, tenantId, actor: { kind: "user", userId: u.id, role: "agent" } };
}

/** An inbound call from `fromNumber` (no trunk: records only), waiting in `queueId`. */
export async function makeQueuedCall(ctx: Ctx, queueId: string, fromNumber = "+14155550123") {
  const call = await startInbound({ ctx, input: { fromNumber, toNumber: "+14155550100", trunkId: null as never, sipCallId: `sip-${randomUUID()}`, source: "127.0.0.1" } });
  await enqueue({ ctx, input: { callId: call.id, queueId } });
  return call;
}
