import type { Ctx } from "../../context";
import { read } from "./read";

/** The decrypted WAV of a call's recording, whole (never another tenant's: not found). */
export async function open({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Buffer> {
  const recording = await read({ ctx, input });
  const parts: Buffer[] = [];
  for await (const part of recording.bytes(0, recording.size - 1)) parts.push(part);
  return Buffer.concat(parts);
}
