import { AppError } from "../errors";

/**
 * Reads a multipart/form-data body (file uploads) of at most `maxBytes`, counted as it arrives
 * so a body without a Content-Length cannot grow past it either.
 */
export async function readForm(req: Request, maxBytes: number): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the upload as multipart/form-data");
  const tooLarge = () => new AppError("payload_too_large", `The upload is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`);
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("bad_request", "The multipart/form-data body could not be read");
  }
}
