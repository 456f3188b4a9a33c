import { and, eq } from "drizzle-orm";
import { dispositions } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";

export type DispositionRow = typeof dispositions.$inferSelect;

export async function getDispositionInTenant(ctx: Ctx, unverifiedId: string): Promise<DispositionRow> {
  const [row] = await exec(ctx)
    .select()
    .from(dispositions)
    .where(and(eq(dispositions.tenantId, ctx.tenantId), eq(dispositions.id, unverifiedId)));
  if (!row) throw notFound("Disposition");
  return row;
}

export const dispositionTaken = (name: string) => new AppError("conflict", `A disposition named "${name}" already exists`);
export const toDispositionOut = (d: DispositionRow) => ({ id: d.id, name: d.name, createdAt: d.createdAt.toISOString() });
