import type { Deps } from "../../context";
import { closeSession } from "./session-store";

export async function logout({ deps, input }: { deps: Deps; input: { token: string } }): Promise<void> {
  await closeSession(deps, input.token);
}
