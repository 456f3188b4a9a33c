import { z } from "zod";
import { flowDefinition } from "../../ivr/definition";

export const flowCreate = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  draft: flowDefinition.default({ start: "welcome", nodes: [{ id: "welcome", type: "hangup", prompt: { kind: "tts", text: "Thank you for calling. Goodbye." } }] }),
});
export const flowUpdate = z.strictObject({ name: flowCreate.shape.name, draft: flowDefinition }).partial();
export type FlowCreate = z.infer<typeof flowCreate>;
export type FlowUpdate = z.infer<typeof flowUpdate>;

const problem = z.object({ nodeId: z.string().nullable(), message: z.string() });
export const flowOut = z.object({
  id: z.uuid(),
  name: z.string(),
  draft: z.unknown(),
  problems: z.array(problem),
  publishedVersion: z.number().nullable(),
  published: z.unknown().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type FlowOut = z.infer<typeof flowOut>;
export const flowVersionOut = z.object({ version: z.number(), publishedAt: z.iso.datetime(), publishedBy: z.uuid().nullable() });
