import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane, type MediaWebRtcLeg, type WebRtcConsumerInfo } from "./protocol";
import { sine } from "./rtp/tone";
import { WavWriter } from "./rtp/wav";
import { dominantFrequency } from "./rtp/tone";
import { RtpPeer, sleep, waitFor } from "./testing/rtp-peer";
import { presence } from "./testing/calls";
import type { ConsumerOptions } from "./client/agent-media";

const CHROMIUM = "/usr/bin/chromium";
let plane: MediaPlane;
let browser: Browser | undefined;
let dir = "";
let script = "";

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 44000, rtcMaxPort: 44999 });
});
afterAll(async () => {
  await browser?.close();
  plane.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A Chromium page whose microphone plays 1 kHz, wired to `agent`'s signalling. */
async function agentPage(agent: MediaWebRtcLeg): Promise<Page> {
  if (!browser) {
    dir = mkdtempSync(join(tmpdir(), "hotline-webrtc-"));
    const wav = new WavWriter(join(dir, "tone1k.wav"), 1, 48000);
    wav.write(sine(1000, 20_000, { sampleRate: 48000, amplitude: 0.5 }));
    wav.close();
    const bundle = await build({ entryPoints: [join(import.meta.dirname, "testing/browser-entry.ts")], bundle: true, write: false, format: "iife", platform: "browser", target: "chrome120", logLevel: "silent" });
    script = bundle.outputFiles[0]?.text ?? "";
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${wav.path}`,
        "--autoplay-policy=no-user-gesture-required",
      ],
    });
  }
  const page = await browser.newPage();
  // localhost is a secure context, so getUserMedia works; the test serves the page itself.
  await page.route("http://localhost/**", (route) =>
    route.request().url().endsWith("/app.js")
      ? route.fulfill({ contentType: "text/javascript", body: script })
      : route.fulfill({ contentType: "text/html", body: '<!doctype html><script src="/app.js"></script>' }),
  );
  await page.exposeFunction("hl_transports", () => agent.transports);
  await page.exposeFunction("hl_connect", (id: string, dtls: Parameters<typeof agent.connectTransport>[1]) => agent.connectTransport(id, dtls));
  await page.exposeFunction("hl_produce", async (kind: string, rtp: Parameters<typeof agent.produce>[1]) => ({ id: await agent.produce(kind, rtp) }));
  await page.exposeFunction("hl_capabilities", async (caps: Parameters<typeof agent.setRtpCapabilities>[0]) => {
    await agent.setRtpCapabilities(caps);
    return agent.consumers;
  });
  await page.goto("http://localhost/");
  return page;
}

describe.skipIf(!existsSync(CHROMIUM))("Chromium agent with mediasoup-client <-> PlainTransport leg", () => {
  it("the browser's 1 kHz reaches the SIP side and the SIP side's 440 Hz reaches the browser", async () => {
    const call = await plane.createCall("webrtc");
    const sip = await RtpPeer.open("pcmu", 0x7777);
    const plain = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await plain.connect({ ip: "127.0.0.1", port: sip.port, ssrc: sip.ssrc });
    sip.sendTone(plain.local.port, 440);
    const agent = await call.addWebRtcLeg({ listenIp: "127.0.0.1" });
    const page = await agentPage(agent);
    const heardBySip0 = sip.received.length;
    const inBrowser = await page.evaluate((ms) => window.runAgent(ms), 1500);
    await sleep(200);
    // RFC 4733 from the browser: mediasoup-client negotiates one codec (+RTX) per producer, so
    // the browser's sender has no telephone-event and cannot send DTMF (canInsertDTMF false).
    // Agents' keypads go through signalling and call.sendDtmf instead. A guard rail: if this
    // starts passing digits, browser DTMF reaches the media plane and the plain leg.
    const agentDigits: string[] = [];
    agent.onDtmf((d) => agentDigits.push(d));
    const sent = await page.evaluate(() => window.sendDtmf("12#"));
    console.log(`browser DTMF: sent ${String(sent)}, media plane got ${JSON.stringify(agentDigits)}, plain leg got ${JSON.stringify(sip.digits)}`);
    const fromBrowser = dominantFrequency(sip.audio().subarray(heardBySip0 * 160 + 8000), { stepHz: 5 });
    console.log(`browser heard ${inBrowser.hz.toFixed(0)} Hz (${inBrowser.codec}, ${inBrowser.sampleRate} Hz); SIP side heard ${fromBrowser.hz} Hz (share ${fromBrowser.share.toFixed(2)})`);
    sip.close();
    call.close();
    await page.close();

    expect(inBrowser.codec).toBe("audio/PCMU");
    expect(sent).toBe(false);
    expect(agentDigits).toEqual([]);
    expect(sip.digits).toEqual([]);
    expect(Math.abs(inBrowser.hz - 440)).toBeLessThanOrEqual(15);
    expect(Math.abs(fromBrowser.hz - 1000)).toBeLessThanOrEqual(15);
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });

  it("a prompt to the browser agent, then a supervisor's whisper: the agent hears caller and supervisor, the caller only the agent", async () => {
    const call = await plane.createCall("webrtc-mix");
    const pushed: WebRtcConsumerInfo[] = [];
    const caller = await RtpPeer.open("pcmu", 0x7001);
    const supervisor = await RtpPeer.open("pcmu", 0x7002);
    try {
      const callerLeg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await callerLeg.connect({ ip: "127.0.0.1", port: caller.port, ssrc: caller.ssrc });
      caller.sendTone(callerLeg.local.port, 440);
      const agent = await call.addWebRtcLeg({ listenIp: "127.0.0.1", onConsumer: (c) => pushed.push(c) });
      const page = await agentPage(agent);
      await page.evaluate((ms) => window.runAgent(ms), 300);
      const before = pushed.length;

      // A prompt: the server pushes one more stream (the agent's own output) and pauses the caller's.
      const prompt = call.play(agent.id, sine(700, 4000));
      await waitFor(() => pushed.length > before);
      // The same JSON the product sends over signalling; the two libraries type it separately.
      const options = pushed[before] as unknown as ConsumerOptions;
      const own = await page.evaluate((c) => window.consumePushed(c), options);
      const duringPrompt = await page.evaluate(([i, f]) => window.listen(i, 1200, f), [own, [700, 440]] as const);
      const directDuringPrompt = await page.evaluate(([f]) => window.listen(0, 600, f), [[440]] as const);
      prompt.stop();
      await prompt.done;

      // Whisper: the agent now hears the mix (caller + supervisor) on the same pushed stream.
      const supLeg = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
      await supLeg.connect({ ip: "127.0.0.1", port: supervisor.port, ssrc: supervisor.ssrc });
      await call.setMixRole(supLeg.id, { mode: "whisper", to: agent.id });
      supervisor.sendTone(supLeg.local.port, 1500);
      await sleep(300);
      const callerHears = caller.mark();
      const mixed = await page.evaluate(([i, f]) => window.listen(i, 1500, f), [own, [440, 1500, 1000]] as const);
      const c = presence(callerHears(), [1000, 1500]);
      console.log(`prompt ${duringPrompt.hz.toFixed(0)} Hz; whisper mix powers ${JSON.stringify(mixed.powers)}; caller heard ${JSON.stringify(c)}`);
      await page.close();

      expect(Math.abs(duringPrompt.hz - 700)).toBeLessThanOrEqual(15);
      expect(directDuringPrompt.powers[440] ?? 1).toBeLessThan(1e-6); // the caller's direct stream is paused
      const p = mixed.powers;
      expect(p[440]! / p[1000]!).toBeGreaterThan(100); // caller heard in the mix
      expect(p[1500]! / p[1000]!).toBeGreaterThan(100); // supervisor heard in the mix
      expect(c[1500]).toBeLessThan(0.02);
      expect(c[1000]).toBeGreaterThan(0.9);
    } finally {
      caller.close();
      supervisor.close();
      call.close();
    }
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });
});
