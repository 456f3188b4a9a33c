import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaPlane, type MediaPlane } from "./protocol";
import { sine } from "./rtp/tone";
import { WavWriter } from "./rtp/wav";
import { dominantFrequency } from "./rtp/tone";
import { RtpPeer, sleep } from "./testing/rtp-peer";

const CHROMIUM = "/usr/bin/chromium";
let plane: MediaPlane;
let browser: Browser | undefined;
let dir = "";

beforeAll(async () => {
  plane = await createMediaPlane({ workers: 1, rtcMinPort: 44000, rtcMaxPort: 44999 });
});
afterAll(async () => {
  await browser?.close();
  plane.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(CHROMIUM))("Chromium agent with mediasoup-client <-> PlainTransport leg", () => {
  it("the browser's 1 kHz reaches the SIP side and the SIP side's 440 Hz reaches the browser", async () => {
    dir = mkdtempSync(join(tmpdir(), "hotline-webrtc-"));
    const wav = new WavWriter(join(dir, "tone1k.wav"), 1, 48000);
    wav.write(sine(1000, 20_000, { sampleRate: 48000, amplitude: 0.5 }));
    wav.close();
    const bundle = await build({ entryPoints: [join(import.meta.dirname, "testing/browser-entry.ts")], bundle: true, write: false, format: "iife", platform: "browser", target: "chrome120", logLevel: "silent" });
    const script = bundle.outputFiles[0]?.text ?? "";

    const call = await plane.createCall("webrtc");
    const sip = await RtpPeer.open("pcmu", 0x7777);
    const plain = await call.addPlainLeg({ codec: "pcmu", listenIp: "127.0.0.1" });
    await plain.connect({ ip: "127.0.0.1", port: sip.port, ssrc: sip.ssrc });
    sip.sendTone(plain.local.port, 440);
    const agent = await call.addWebRtcLeg({ listenIp: "127.0.0.1" });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${wav.path}`,
        "--autoplay-policy=no-user-gesture-required",
      ],
    });
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

    expect(inBrowser.codec).toBe("audio/PCMU");
    expect(sent).toBe(false);
    expect(agentDigits).toEqual([]);
    expect(sip.digits).toEqual([]);
    expect(Math.abs(inBrowser.hz - 440)).toBeLessThanOrEqual(15);
    expect(Math.abs(fromBrowser.hz - 1000)).toBeLessThanOrEqual(15);
    expect(plane.stats()).toMatchObject({ calls: 0, routers: 0, transports: 0 });
  });
});
