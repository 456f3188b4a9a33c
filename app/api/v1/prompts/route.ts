import { AppError } from "@/server/errors";
import { parseWith } from "@/server/http/body";
import { readForm } from "@/server/http/form";
import { route } from "@/server/http/route";
import { promptUploadFields } from "@/server/services/prompts/schemas";

/** The file's 10 MB (checked again by the service) plus room for the multipart framing and the name. */
const MAX_FORM_BYTES = 10 * 1024 * 1024 + 64 * 1024;

export const GET = route({ access: "member" }, (s, { ctx }) => s.prompts.list({ ctx }));

/** multipart/form-data: `name` and `file` (WAV or MP3). */
export const POST = route({ access: "admin", status: 201 }, async (s, { ctx, req }) => {
  const form = await readForm(req, MAX_FORM_BYTES);
  const { name } = parseWith(promptUploadFields, { name: form.get("name") ?? undefined });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("validation_failed", "file: is required (a WAV or MP3 file)", { issues: [{ path: "file", message: "is required" }] });
  return s.prompts.upload({ ctx, input: { name, originalName: file.name || null, bytes: Buffer.from(await file.arrayBuffer()) } });
});
