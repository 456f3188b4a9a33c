/**
 * PII masking for text the product keeps or prints: transcripts (what callers say) and logs
 * (what the process writes). Masking happens before anything is stored or written, so the
 * original never reaches the database or the log files.
 *
 * Transcripts: payment cards (13-19 digits passing the Luhn check) become [card], e-mail
 * addresses [email], any other run of 6+ digits (phone, account, social security numbers)
 * [number], and 4+ digits spoken as words ("four one one one") [number] too: speech-to-text
 * writes digits read out one by one as words.
 * Logs: cards, e-mail addresses and phone numbers (E.164, and the user part of sip:/tel: URIs)
 * only, so ids, ports, addresses and timestamps stay readable.
 */

export type MaskKind = "transcript" | "log";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Digits with single spaces or dashes between them, not inside a longer word. */
const DIGIT_RUN = /(?<![\w.-])\+?\d(?:[ -]?\d)*(?![\w-])/g;
/** E.164 and the user part of SIP/tel URIs. */
const PHONE = /\+\d{7,15}\b|(?<=\b(?:sips?|tel):)\+?\d{6,15}(?=[@;>\s]|$)/g;

const DIGIT_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)";
/** Digit words in a row, with spaces, commas or dashes between them. */
const SPOKEN_RUN = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,-]+${DIGIT_WORD})*\\b`, "gi");

/** The Luhn check payment card numbers carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const isCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && luhnValid(digits);

/** Masks `text`; `count` is how many pieces were masked. */
export function maskPii(text: string, kind: MaskKind): { text: string; count: number } {
  let count = 0;
  const hit = (label: string) => {
    count++;
    return label;
  };
  // In logs, SIP URIs look like e-mail addresses: their phone numbers go first.
  let out = kind === "log" ? text.replace(PHONE, () => hit("[phone]")) : text;
  out = out.replace(EMAIL, () => hit("[email]"));
  out = out.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, "");
    if (isCard(digits)) return hit("[card]");
    if (kind === "transcript" && digits.length >= 6) return hit("[number]");
    return run;
  });
  if (kind === "log") return { text: out, count };
  return {
    text: out.replace(SPOKEN_RUN, (run) => {
      // "double seven" is two digits, "triple oh" three.
      const digits = run.split(/[\s,-]+/).reduce((n, w) => n + (/^double$/i.test(w) ? 1 : /^triple$/i.test(w) ? 2 : 1), 0);
      return digits >= 4 ? hit("[number]") : run;
    }),
    count,
  };
}

/** For log lines: masks the PII in a message and in an error's text. */
export const maskForLog = (text: string) => maskPii(text, "log").text;
