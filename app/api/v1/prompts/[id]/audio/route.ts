import { route } from "@/server/http/route";

/** The prompt as callers hear it: a 16-bit PCM WAV, 8 kHz mono, for the browser's <audio>. */
export const GET = route({ access: "member" }, async (s, { ctx, id }) => {
  const { wav } = await s.prompts.audio({ ctx, input: { id } });
  return new Response(new Uint8Array(wav), {
    headers: { "content-type": "audio/wav", "content-length": String(wav.length), "cache-control": "private, no-store", "content-disposition": `inline; filename="prompt-${id}.wav"` },
  });
});
