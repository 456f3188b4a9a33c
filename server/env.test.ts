import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults on an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", SIP_PORT: 5060, RTC_MIN_PORT: 40000, RTC_MAX_PORT: 49999 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_SECRET).toBeUndefined();
  });

  it("checks the RTP port range", () => {
    expect(() => parseEnv({ RTC_MIN_PORT: "50000", RTC_MAX_PORT: "40000" })).toThrow(/RTC_MIN_PORT must not be greater than RTC_MAX_PORT/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" }).PORT).toBe(3000);
  });

  it("names every bad value in one error and never echoes secrets", () => {
    let error: unknown;
    try {
      parseEnv({
        PORT: "eighty",
        DATABASE_URL: "mysql://user:hunter2@db/x",
        APP_SECRET: "short",
        SIP_PUBLIC_IP: "not-an-ip",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems.join("\n");
    expect(problems).toMatch(/^PORT: .*\(got "eighty"\)/m);
    expect(problems).toMatch(/^DATABASE_URL: must be a URL starting with postgres:/m);
    expect(problems).toMatch(/^APP_SECRET: must be at least 32 characters/m);
    expect(problems).toMatch(/^SIP_PUBLIC_IP: /m);
    expect(problems).not.toContain("hunter2");
    expect(problems).not.toContain("short");
  });
});
