/**
 * The screen pop asks the tenant's CRM about a caller: a webhook subscribed to `contact.lookup`
 * gets a signed POST ({ type: "contact.lookup", data: { phone } }, the same headers and signature
 * as events) and may answer 200 with JSON { name?, company?, url?, notes? }. Best effort: 2 s at
 * most, any failure or odd answer is no CRM record (the pop shows Hotline's own data anyway).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import { type Ctx, exec } from "../context";
import { unseal } from "../crypto/sealed";
import { postOnce } from "./post";
import { signatureHeader } from "./signature";

const TIMEOUT_MS = 2000;
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);
const crmAnswer = z.object({
  name: text(200),
  company: text(200),
  notes: text(2000),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional()
    .catch(undefined),
});
export type CrmRecord = z.infer<typeof crmAnswer>;

export async function crmLookup(ctx: Ctx, phone: string): Promise<CrmRecord | null> {
  const target = (await subscribed(ctx))[0];
  if (!target) return null;
  let secret: string;
  try {
    secret = unseal(ctx.deps.secret, target.secretSealed);
  } catch {
    return null;
  }
  const now = ctx.deps.now();
  const body = JSON.stringify({ id: randomUUID(), type: "contact.lookup", createdAt: now.toISOString(), tenantId: ctx.tenantId, data: { phone } });
  const out = await postOnce(
    target.url,
    body,
    {
      "Content-Type": "application/json",
      Accept: "application/json",
      "User-Agent": "Hotline-Webhooks/1",
      "Hotline-Event": "contact.lookup",
      "Hotline-Signature": signatureHeader(secret, body, Math.floor(now.getTime() / 1000)),
    },
    { timeoutMs: TIMEOUT_MS, allowPrivate: ctx.deps.webhooksAllowPrivate ?? false, readBody: 64 * 1024 },
  );
  if (out === "stopped" || out.status !== 200 || !out.body) return null;
  try {
    const parsed = crmAnswer.safeParse(JSON.parse(out.body));
    if (!parsed.success) return null;
    const record = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v)) as CrmRecord;
    return Object.keys(record).length ? record : null;
  } catch {
    return null;
  }
}

/** The tenant's active webhooks subscribed to contact.lookup, oldest first. */
async function subscribed(ctx: Ctx) {
  const rows = await exec(ctx)
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.tenantId, ctx.tenantId), eq(webhooks.active, true)))
    .orderBy(asc(webhooks.createdAt));
  return rows.filter((w) => w.events.includes("contact.lookup"));
}
