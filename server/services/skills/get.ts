import type { Ctx } from "../../context";
import { getSkillInTenant, toSkillOut } from "./internal";

export async function get({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  return toSkillOut(await getSkillInTenant(ctx, input.id));
}
