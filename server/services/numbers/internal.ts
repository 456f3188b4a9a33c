import { and, eq, inArray } from "drizzle-orm";
import { flows, numbers, queues, users } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import type { NumberCreate, NumberOut } from "./schemas";

export type NumberRow = typeof numbers.$inferSelect;

export async function getNumberInTenant(ctx: Ctx, unverifiedId: string): Promise<NumberRow> {
  const [row] = await exec(ctx)
    .select()
    .from(numbers)
    .where(and(eq(numbers.tenantId, ctx.tenantId), eq(numbers.id, unverifiedId)));
  if (!row) throw notFound("Number");
  return row;
}

export const numberTaken = (n: string) => new AppError("conflict", `The number ${n} is already in use`);

const TABLES = { queue: queues, user: users, flow: flows } as const;

/** The destination must be this tenant's. */
export async function checkDestination(ctx: Ctx, d: NumberCreate["destination"]): Promise<void> {
  const bad = (what: string) => new AppError("validation_failed", `destination.id: no such ${what}`, { field: "destination.id" });
  const table = TABLES[d.type];
  const [row] = await exec(ctx)
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, d.id)));
  if (!row) throw bad(d.type);
}

export async function toNumbersOut(ctx: Ctx, rows: NumberRow[]): Promise<NumberOut[]> {
  const ids = (type: string) => rows.filter((r) => r.destinationType === type).map((r) => r.destinationId);
  const names = new Map<string, string>();
  const queueIds = ids("queue");
  const userIds = ids("user");
  const flowIds = ids("flow");
  if (flowIds.length) {
    for (const f of await exec(ctx).select({ id: flows.id, name: flows.name }).from(flows).where(and(eq(flows.tenantId, ctx.tenantId), inArray(flows.id, flowIds)))) names.set(f.id, f.name);
  }
  if (queueIds.length) {
    for (const q of await exec(ctx).select({ id: queues.id, name: queues.name }).from(queues).where(and(eq(queues.tenantId, ctx.tenantId), inArray(queues.id, queueIds)))) names.set(q.id, q.name);
  }
  if (userIds.length) {
    for (const u of await exec(ctx).select({ id: users.id, name: users.name }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, userIds)))) names.set(u.id, u.name);
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    destination: { type: r.destinationType, id: r.destinationId, name: names.get(r.destinationId) ?? "(deleted)" },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function toNumberOut(ctx: Ctx, row: NumberRow): Promise<NumberOut> {
  const [out] = await toNumbersOut(ctx, [row]);
  if (!out) throw new Error("number output missing");
  return out;
}
