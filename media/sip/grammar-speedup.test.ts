import { Grammar } from "sip.js/lib/grammar/index.js";
import { parse as stockParse } from "sip.js/lib/grammar/pegjs/dist/grammar.js";
import { describe, expect, it } from "vitest";
import { Core } from "./sip-core";
import { grammarParse, grammarSource, installGrammarSpeedup, memoizedParser, type PegParse } from "./grammar-speedup";

/** Header values sip.js parses, by start rule: what carriers, SIPp, baresip and browsers send. */
const SAMPLES: Record<string, string[]> = {
  Request_Response: ["INVITE sip:+14155550100@127.0.0.1:5060 SIP/2.0", "SIP/2.0 200 OK", "SIP/2.0 486 Busy Here", "ACK sip:agent-7@127.0.0.1:5090;transport=tcp SIP/2.0", "SIP/2.0 183 Session Progress"],
  Via: ["SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-4711-1-0", "SIP/2.0/TCP [::1]:5070;branch=z9hG4bKabc;rport=5070;received=127.0.0.1", "SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK1;rport"],
  From: ['"Caller" <sip:+14155550123@127.0.0.1:5061>;tag=4711SIPpTag001', "<sip:anonymous@anonymous.invalid>;tag=x", 'Ann <sips:ann@pbx.example.com;user=phone>;tag=9'],
  To: ["<sip:+14155550100@127.0.0.1:5060>", "<sip:agent-3@127.0.0.1:5090>;tag=77", "sip:bob@example.com"],
  Contact: ["<sip:sipp@127.0.0.1:5061>", '"Desk" <sip:desk@127.0.0.1:5090;transport=tcp>;expires=3600, <sip:b@c>;q=0.5', "*"],
  Record_Route: ["<sip:127.0.0.1:5080;lr>", "<sip:proxy.example.com;lr;ftag=abc>"],
  CSeq: ["1 INVITE", "42 BYE", "7 OPTIONS"],
  Call_ID: ["1-4711@127.0.0.1", "a84b4c76e66710@pc33.atlanta.example.com"],
  Content_Type: ["application/sdp", "application/dtmf-relay", 'multipart/mixed;boundary="b1"'],
  Content_Length: ["0", "312"],
  Max_Forwards: ["70"],
  WWW_Authenticate: ['Digest realm="hotline", nonce="abc123", algorithm=MD5, qop="auth"'],
  Proxy_Authenticate: ['Digest realm="carrier", nonce="n0nce", opaque="o", stale=FALSE, algorithm=MD5'],
  Session_Expires: ["1800;refresher=uac", "90"],
  Min_SE: ["90"],
  Event: ["refer", "dialog;id=1"],
  Subscription_State: ["active;expires=60", "terminated;reason=noresource"],
  Supported: ["timer, replaces, 100rel", ""],
  Require: ["timer"],
  Refer_To: ["<sip:carol@example.com?Replaces=abc%3Bto-tag%3D1%3Bfrom-tag%3D2>"],
  Replaces: ["abc@host;to-tag=1;from-tag=2;early-only"],
  Referred_By: ["<sip:alice@example.com>"],
  SIP_URI: ["sip:+14155550100@127.0.0.1:5060;transport=udp", "sips:ann@[2001:db8::1]:5061?subject=hi", "sip:127.0.0.1"],
  Name_Addr_Header: ['"Agent" <sip:agent@127.0.0.1>;tag=1'],
  absoluteURI: ["http://example.com/a?b=c"],
  host: ["127.0.0.1", "[::1]", "pbx.example.com"],
  Content_Disposition: ["session;handling=required"],
  sipfrag: ["SIP/2.0 200 OK"],
};

/** A deterministic generator, so that a failure names inputs that come back on the next run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const ALPHABET = ' <>;:@"=,.\\/[]?%&*+-_~!\r\n\t0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u00e9\u0000';

function mutate(input: string, next: () => number): string {
  let s = input;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (s.length + 1));
    const ch = ALPHABET[Math.floor(next() * ALPHABET.length)] ?? "x";
    const kind = next();
    if (kind < 0.33) s = s.slice(0, at) + ch + s.slice(at);
    else if (kind < 0.66) s = s.slice(0, at) + s.slice(at + 1);
    else s = s.slice(0, at) + ch + s.slice(at + 1);
  }
  return s;
}

describe("the memoized SIP grammar", () => {
  const memo = memoizedParser(grammarSource());
  if (typeof memo === "string") throw new Error(memo);
  const fast = grammarParse(memo);
  const stock = grammarParse(stockParse as PegParse);

  it("parses every start rule's samples exactly as sip.js's own parser does", () => {
    let parsed = 0;
    for (const [rule, inputs] of Object.entries(SAMPLES)) {
      for (const input of inputs) {
        const expected = stock(input, rule);
        if (expected !== -1) parsed++;
        expect(fast(input, rule), `${rule}: ${JSON.stringify(input)}`).toEqual(expected);
      }
    }
    expect(parsed).toBeGreaterThan(50); // the samples are real headers, not all rejects
  });

  it("agrees with sip.js's parser on 3,000 mutated inputs, rejects included", () => {
    const next = random(20261129);
    const rules = Object.entries(SAMPLES);
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const [rule, inputs] = rules[i % rules.length] as [string, string[]];
      const input = mutate(inputs[Math.floor(next() * inputs.length)] ?? "", next);
      const expected = stock(input, rule);
      if (expected === -1) rejected++;
      expect(fast(input, rule), `${rule}: ${JSON.stringify(input)}`).toEqual(expected);
    }
    expect(rejected).toBeGreaterThan(300);
    expect(rejected).toBeLessThan(2700);
  });

  it("refuses a grammar file it does not know and leaves sip.js's parser alone", () => {
    expect(memoizedParser("export const parse = () => 1;")).toMatch(/^unexpected sip\.js\/lib\/grammar\/pegjs\/dist\/grammar\.js/);
  });

  it("once installed, sip.js parses whole messages through it with the same result", () => {
    const message = [
      "INVITE sip:+14155550100@127.0.0.1:5060 SIP/2.0",
      "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-4711-1-0",
      'From: "Caller" <sip:+14155550123@127.0.0.1:5061>;tag=4711SIPpTag001',
      "To: <sip:+14155550100@127.0.0.1:5060>",
      "Call-ID: 1-4711@127.0.0.1",
      "CSeq: 1 INVITE",
      "Contact: <sip:sipp@127.0.0.1:5061>",
      "Max-Forwards: 70",
      "Content-Length: 0",
      "",
      "",
    ].join("\r\n");
    const logger = new Core.LoggerFactory().getLogger("test");
    const before = Core.Parser.parseMessage(message, logger);
    expect(installGrammarSpeedup()).toBe(true);
    expect(Grammar.parse("1 INVITE", "CSeq")).toEqual(stock("1 INVITE", "CSeq"));
    const after = Core.Parser.parseMessage(message, logger);
    expect(after).toBeInstanceOf(Core.IncomingRequestMessage);
    expect(after).toEqual(before);
    expect((after as Core.IncomingRequestMessage).from.uri.user).toBe("+14155550123");
  });
});
