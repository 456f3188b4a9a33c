import { byteRange } from "@/server/http/byte-range";
import { route } from "@/server/http/route";

/**
 * The call's recording as a stereo WAV (left: caller, right: agent), decrypted as it streams.
 * Byte ranges (206) let a player seek without fetching what comes before.
 */
export const GET = route({ access: "member" }, async (s, { ctx, id, req }) => {
  const recording = await s.recordings.read({ ctx, input: { id } });
  const headers: Record<string, string> = {
    "content-type": "audio/wav",
    "cache-control": "private, no-store",
    "content-disposition": `inline; filename="call-${id}.wav"`,
    "accept-ranges": "bytes",
  };
  const range = byteRange(req.headers.get("range"), recording.size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${recording.size}` } });
  const { start, end } = range ?? { start: 0, end: recording.size - 1 };
  const chunks = recording.bytes(start, end);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  // (Next.js sends a streamed body chunked and drops any Content-Length; Content-Range carries the size.)
  return new Response(body, { status: range ? 206 : 200, headers: range ? { ...headers, "content-range": `bytes ${start}-${end}/${recording.size}` } : headers });
});
