import { eq } from "drizzle-orm";
import { tenants } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { notFound } from "../../errors";

export async function get({ ctx }: { ctx: Ctx }) {
  const [t] = await exec(ctx).select().from(tenants).where(eq(tenants.id, ctx.tenantId));
  if (!t) throw notFound("Organization");
  return {
    name: t.name,
    recordingEnabled: t.recordingEnabled,
    recordingRetentionDays: t.recordingRetentionDays,
    transcriptionEnabled: t.transcriptionEnabled,
    transcriptionProvider: ctx.deps.speechToText?.name ?? null,
  };
}
