import { and, desc, eq } from "drizzle-orm";
import { tickets } from "@/db/schema";
import { type Ctx, exec } from "../../context";
import { toTicketsOut } from "./internal";

export async function list({ ctx, input }: { ctx: Ctx; input: { status?: (typeof tickets.$inferSelect)["status"]; contactId?: string; assigneeId?: string } }) {
  const rows = await exec(ctx)
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, ctx.tenantId),
        input.status ? eq(tickets.status, input.status) : undefined,
        input.contactId ? eq(tickets.contactId, input.contactId) : undefined,
        input.assigneeId ? eq(tickets.assigneeId, input.assigneeId) : undefined,
      ),
    )
    .orderBy(desc(tickets.updatedAt))
    .limit(200);
  return toTicketsOut(ctx, rows);
}
