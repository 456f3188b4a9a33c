import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { dominantFrequency } from "@/media/rtp/tone";
import { type Baresip, startBaresip } from "./baresip";
import { freePort } from "./ports";

let phone: Baresip | undefined;
let sipp: ChildProcess | undefined;
afterEach(async () => {
  await phone?.close();
  sipp?.kill("SIGKILL");
});

describe("the baresip test peer", () => {
  it("calls a SIPp echo and hears its own 1 kHz tone back", async () => {
    const port = await freePort();
    sipp = spawn("sipp", ["-sn", "uas", "-i", "127.0.0.1", "-p", String(port), "-m", "1", "-rtp_echo", "-nostdin"], { stdio: "ignore" });
    phone = await startBaresip({ toneHz: 1000 });
    await phone.dial(`sip:echo@127.0.0.1:${port}`);
    await phone.waitFor("CALL_ESTABLISHED");
    await new Promise((r) => setTimeout(r, 2000));
    await phone.hangup();
    await phone.waitFor("CALL_CLOSED");
    const heard = phone.heard();
    expect(dominantFrequency(heard.subarray(4000, 12000)).hz).toBe(1000);
  });
});
