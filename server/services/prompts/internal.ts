import { and, eq } from "drizzle-orm";
import { prompts } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { AppError, notFound } from "../../errors";
import type { PromptOut } from "./schemas";

/** The row without its audio (which can be megabytes). */
export const promptColumns = {
  id: prompts.id,
  name: prompts.name,
  originalName: prompts.originalName,
  durationMs: prompts.durationMs,
  createdAt: prompts.createdAt,
  updatedAt: prompts.updatedAt,
};
export type PromptRow = { id: string; name: string; originalName: string | null; durationMs: number; createdAt: Date; updatedAt: Date };

export async function getPromptInTenant(ctx: Ctx, unverifiedId: string): Promise<PromptRow> {
  const [row] = await exec(ctx)
    .select(promptColumns)
    .from(prompts)
    .where(and(eq(prompts.tenantId, ctx.tenantId), eq(prompts.id, unverifiedId)));
  if (!row) throw notFound("Prompt");
  return row;
}

/** The stored G.711 mu-law samples (8 kHz mono) of one of the tenant's prompts. */
export async function getPromptUlawInTenant(ctx: Ctx, unverifiedId: string): Promise<{ row: PromptRow; ulaw: Buffer }> {
  const [found] = await exec(ctx)
    .select({ ...promptColumns, ulaw: prompts.ulaw })
    .from(prompts)
    .where(and(eq(prompts.tenantId, ctx.tenantId), eq(prompts.id, unverifiedId)));
  if (!found) throw notFound("Prompt");
  const { ulaw, ...row } = found;
  return { row, ulaw };
}

export const promptTaken = (name: string) => new AppError("conflict", `A prompt named "${name}" already exists`);

export const toPromptOut = (p: PromptRow): PromptOut => ({
  id: p.id,
  name: p.name,
  originalName: p.originalName,
  durationMs: p.durationMs,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
