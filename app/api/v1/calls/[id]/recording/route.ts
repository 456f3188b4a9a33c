import { route } from "@/server/http/route";

/** The call's recording as a stereo WAV (left: caller, right: agent), decrypted as it streams. */
export const GET = route({ access: "member" }, async (s, { ctx, id }) => {
  const chunks = await s.recordings.open({ ctx, input: { id } });
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      } catch (e) {
        controller.error(e);
      }
    },
  });
  return new Response(body, { headers: { "content-type": "audio/wav", "cache-control": "private, no-store", "content-disposition": `inline; filename="call-${id}.wav"` } });
});
