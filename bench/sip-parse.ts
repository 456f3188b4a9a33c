// `npx tsx bench/sip-parse.ts`: CPU per SIP message in sip.js's parser, its own generated grammar
// against the same grammar with a memoized decode (media/sip/grammar-speedup.ts, what the gateway
// installs). Prints microseconds per message for an INVITE and a 200 OK with SDP.
import { Grammar } from "sip.js/lib/grammar/index.js";
import { parse as stockParse } from "sip.js/lib/grammar/pegjs/dist/grammar.js";
import { grammarParse, grammarSource, memoizedParser, type PegParse } from "@/media/sip/grammar-speedup";
import { Core } from "@/media/sip/sip-core";

const N = Number(process.env.BENCH_MESSAGES ?? 5000);
const sdp = ["v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 6000 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000", "a=sendrecv", ""].join("\r\n");
const messages = {
  invite: [
    "INVITE sip:+14155550100@127.0.0.1:5060 SIP/2.0",
    "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-4711-1-0",
    'From: "Caller" <sip:+14155550123@127.0.0.1:5061>;tag=4711SIPpTag001',
    "To: <sip:+14155550100@127.0.0.1:5060>",
    "Call-ID: 1-4711@127.0.0.1",
    "CSeq: 1 INVITE",
    "Contact: <sip:sipp@127.0.0.1:5061>",
    "Max-Forwards: 70",
    "Content-Type: application/sdp",
    `Content-Length: ${sdp.length}`,
    "",
    sdp,
  ].join("\r\n"),
  ok: [
    "SIP/2.0 200 OK",
    "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1234;rport=5060",
    "From: <sip:hotline@127.0.0.1>;tag=abc",
    "To: <sip:agent-7@127.0.0.1:5090>;tag=7SIPpTag01",
    "Call-ID: out-1@127.0.0.1",
    "CSeq: 1 INVITE",
    "Contact: <sip:127.0.0.1:5090;transport=UDP>",
    "Record-Route: <sip:127.0.0.1:5080;lr>",
    "Content-Type: application/sdp",
    `Content-Length: ${sdp.length}`,
    "",
    sdp,
  ].join("\r\n"),
};
const logger = new Core.LoggerFactory().getLogger("bench");
const grammar = Grammar as { parse: (input: string, rule: string) => unknown };

function perMessageUs(text: string): number {
  for (let i = 0; i < 200; i++) Core.Parser.parseMessage(text, logger); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) Core.Parser.parseMessage(text, logger);
  return Number(process.hrtime.bigint() - start) / 1000 / N;
}

const memo = memoizedParser(grammarSource());
if (typeof memo === "string") throw new Error(memo);
const rows = [];
for (const [name, text] of Object.entries(messages)) {
  grammar.parse = grammarParse(stockParse as PegParse);
  const stockUs = perMessageUs(text);
  grammar.parse = grammarParse(memo);
  const memoUs = perMessageUs(text);
  rows.push({ message: name, sipjs_us: +stockUs.toFixed(1), memoized_us: +memoUs.toFixed(1), speedup: +(stockUs / memoUs).toFixed(1) });
}
console.log(JSON.stringify({ messages_each: N, rows }));
console.table(rows);
