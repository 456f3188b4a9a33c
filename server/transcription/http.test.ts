import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpSpeech } from "./http";
import { SpeechToTextError } from "./provider";

/** A transcription service on loopback: reads the multipart request as a real one would, answers what `reply` says. */
async function service(reply: (form: FormData, req: IncomingMessage) => { status: number; body: string }) {
  const seen: { form: FormData; auth: string | undefined }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void new Request("http://x/", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: Buffer.concat(chunks) })
        .formData()
        .then((form) => {
          seen.push({ form, auth: req.headers.authorization });
          const out = reply(form, req);
          res.writeHead(out.status, { "content-type": "application/json" }).end(out.body);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/audio/transcriptions`, seen };
}
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const audio = { pcm: Int16Array.from({ length: 16000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000))), sampleRate: 8000 };

describe("speech to text over an OpenAI-style HTTP API", () => {
  it("sends the audio as a WAV with the model and asks for timed segments; keeps the answer's segments", async () => {
    const { url, seen } = await service(() => ({ status: 200, body: JSON.stringify({ language: "english", text: "hello there", segments: [{ start: 0.5, end: 1.25, text: " hello" }, { start: 1.3, end: 1.9, text: " there " }, { start: 1.9, end: 2, text: " " }] }) }));
    const segments = await httpSpeech({ url, apiKey: "sk-test", model: "whisper-1", language: "en" }).transcribe(audio);
    expect(segments).toEqual([
      { startMs: 500, endMs: 1250, text: "hello" },
      { startMs: 1300, endMs: 1900, text: "there" },
    ]);
    const [{ form, auth }] = seen as [(typeof seen)[number]];
    expect(auth).toBe("Bearer sk-test");
    expect([form.get("model"), form.get("response_format"), form.get("language"), form.getAll("timestamp_granularities[]")]).toEqual(["whisper-1", "verbose_json", "en", ["segment"]]);
    const file = form.get("file") as File;
    const wav = Buffer.from(await file.arrayBuffer());
    expect([file.name, wav.toString("ascii", 0, 4), wav.readUInt32LE(24), wav.readUInt16LE(22), wav.length - 44]).toEqual(["call.wav", "RIFF", 8000, 1, 32000]);
    expect(wav.readInt16LE(44 + 2 * 5)).toBe(audio.pcm[5]);
  });

  it("takes a plain text answer as one segment over the whole audio", async () => {
    const { url } = await service(() => ({ status: 200, body: JSON.stringify({ text: " all of it " }) }));
    expect(await httpSpeech({ url, model: "m" }).transcribe(audio)).toEqual([{ startMs: 0, endMs: 2000, text: "all of it" }]);
  });

  it("says what went wrong: an error status, an answer that is not a transcription, no service", async () => {
    const failing = await service(() => ({ status: 401, body: '{"error":{"message":"bad key"}}' }));
    await expect(httpSpeech({ url: failing.url, model: "m" }).transcribe(audio)).rejects.toThrow(/HTTP 401.*bad key/);
    const odd = await service(() => ({ status: 200, body: "<html>" }));
    await expect(httpSpeech({ url: odd.url, model: "m" }).transcribe(audio)).rejects.toThrow(SpeechToTextError);
    const closed = await service(() => ({ status: 200, body: "{}" }));
    servers.splice(0).forEach((s) => s.close());
    await expect(httpSpeech({ url: closed.url, model: "m" }).transcribe(audio)).rejects.toThrow(/could not be reached/);
  });
});
