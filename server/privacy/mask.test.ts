import { describe, expect, it } from "vitest";
import { luhnValid, maskForLog, maskPii } from "./mask";

const transcript = (s: string) => maskPii(s, "transcript");

describe("PII masking in transcripts", () => {
  it("masks card numbers written as digits, with or without separators", () => {
    expect(transcript("my card is 4111 1111 1111 1111 thanks")).toEqual({ text: "my card is [card] thanks", count: 1 });
    expect(transcript("5500-0000-0000-0004").text).toBe("[card]");
    expect(transcript("4111111111111111.").text).toBe("[card].");
  });

  it("masks other long numbers, but keeps short ones", () => {
    expect(transcript("account 12345678 and order 42 in 2026").text).toBe("account [number] and order 42 in 2026");
    expect(transcript("call me on 06 12 34 56 78").text).toBe("call me on [number]");
    expect(transcript("SSN 078-05-1120").text).toBe("SSN [number]");
  });

  it("masks digits read out as words, four or more in a row", () => {
    expect(transcript("it is four one one one, two two two two okay")).toEqual({ text: "it is [number] okay", count: 1 });
    expect(transcript("Double seven three nine").text).toBe("[number]");
    expect(transcript("go forward ten meters").text).toBe("go forward ten meters");
    expect(transcript("one or two things").text).toBe("one or two things");
    expect(transcript("three four five").text).toBe("three four five");
    expect(transcript("someone gone").text).toBe("someone gone");
  });

  it("masks e-mail addresses", () => {
    expect(transcript("write to jane.doe+cc@example.co.uk please")).toEqual({ text: "write to [email] please", count: 1 });
  });

  it("counts every masked piece", () => {
    expect(transcript("a@b.io 4111111111111111 nine nine nine nine").count).toBe(3);
    expect(transcript("nothing here").count).toBe(0);
  });
});

describe("PII masking in logs", () => {
  it("masks phone numbers, cards and e-mail addresses", () => {
    expect(maskForLog("INVITE from +33612345678 failed")).toBe("INVITE from [phone] failed");
    expect(maskForLog("From: <sip:0612345678@carrier.example>;tag=1")).toBe("From: <sip:[phone]@carrier.example>;tag=1");
    expect(maskForLog("to tel:+14155550100")).toBe("to tel:[phone]");
    expect(maskForLog("card 4111 1111 1111 1111 declined for bob@example.com")).toBe("card [card] declined for [email]");
  });

  it("leaves ids, addresses, ports and times readable", () => {
    const line = "call 550e8400-e29b-41d4-a716-446655440000 on 192.168.100.200:5060 at 2026-11-29T11:20:21.123Z order 12345678";
    expect(maskForLog(line)).toBe(line);
  });
});

describe("the Luhn check", () => {
  it("accepts valid card numbers and refuses others", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
  });
});
