import { type Ctx, actorUserId, inTransaction } from "../../context";
import { AppError } from "../../errors";
import { moveAgent } from "./internal";
import type { StateInput } from "./schemas";

/** An agent chooses Available, Break (with a reason) or Offline; not while ringing or in a call. */
export async function setState({ ctx, input }: { ctx: Ctx; input: StateInput }) {
  const userId = actorUserId(ctx);
  if (!userId) throw new AppError("forbidden", "Only a signed-in user has an agent state");
  if (input.state !== "break" && input.reason) throw new AppError("validation_failed", "reason: only a break has a reason", { field: "reason" });
  return inTransaction(ctx, async (ctx) => {
    const moved = await moveAgent(ctx, userId, input.state, {
      reason: input.state === "break" ? (input.reason ?? "Break") : null,
      from: ["offline", "available", "break", "after_call_work"],
    });
    if (!moved) throw new AppError("conflict", "You are in a call; the status changes when it ends");
    return moved;
  });
}
