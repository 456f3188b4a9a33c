import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeQueuedCall, makeTenant } from "@/test/factories";
import { claimOffer } from "../../acd/edge";
import type { Ctx, Deps } from "../../context";
import * as agents from "../agents";
import * as calls from "../calls";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import { agentReport, queueReport } from "./index";
import { csvField, queueReportCsv } from "./csv";
import { bucketsOf } from "./period";
import { reportQuery } from "./schemas";

const at = (iso: string) => Date.parse(iso);
const userOf = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.userId : "");
const query = (q: Record<string, string>) => reportQuery.parse(q);

describe("report periods", () => {
  it("lists every interval of the period as wall-clock labels", () => {
    expect(bucketsOf({ from: "2026-03-30", to: "2026-04-01", interval: "day" })).toEqual(["2026-03-30", "2026-03-31", "2026-04-01"]);
    const hours = bucketsOf({ from: "2026-03-29", to: "2026-03-29", interval: "hour" });
    expect(hours).toHaveLength(24);
    expect([hours[0], hours[23]]).toEqual(["2026-03-29T00:00", "2026-03-29T23:00"]);
    // Weeks start on Monday: a Wednesday-to-Tuesday period spans two weeks.
    expect(bucketsOf({ from: "2026-11-25", to: "2026-12-01", interval: "week" })).toEqual(["2026-11-23", "2026-11-30"]);
  });

  it("refuses a period that ends before it starts, is too long, or is hourly over a week, and unknown time zones", () => {
    const bad = (q: Record<string, string>) => reportQuery.safeParse(q).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(bad({ from: "2026-03-10", to: "2026-03-09" })).toEqual(["to: is before from"]);
    expect(bad({ from: "2026-01-01", to: "2026-04-30" })).toEqual(["to: a report covers at most 92 days"]);
    expect(bad({ from: "2026-03-01", to: "2026-03-08", interval: "hour" })).toEqual(["interval: by the hour, a report covers at most 7 days"]);
    expect(bad({ from: "2026-03-01", to: "2026-03-02", timeZone: "Mars/Olympus" })).toEqual(["timeZone: is not a known time zone (IANA, like Europe/Paris)"]);
    expect(bad({ from: "2026-3-1", to: "2026-03-02" })?.[0]).toMatch(/^from:/);
    expect(bad({ from: "2026-03-01", to: "2026-03-02", extra: "1" })?.[0]).toMatch(/extra/);
    expect(query({ from: "2026-03-01", to: "2026-03-01" })).toMatchObject({ interval: "day", timeZone: "UTC", format: "json" });
  });

  it("writes CSV fields that spreadsheets read as text: quotes, separators and formulas", () => {
    expect(csvField('Sales, "EU"')).toBe('"Sales, ""EU"""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(null)).toBe("");
  });
});

describe.each(testDrivers)("historical reports on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  /**
   * Three calls around midnight in Paris (UTC+1 in March):
   * A enters 2026-03-10 10:00 Paris, Ada answers in 10 s, talks 60 s, wraps up 30 s;
   * B enters 00:30 Paris on the 11th (still the 10th in UTC), Bo answers in 30 s (over the
   *   20 s threshold), talks 90 s, wraps up 10 s;
   * C enters 09:00 Paris on the 11th, Ada declines it, the caller hangs up after 45 s.
   */
  async function threeCalls() {
    let now = at("2026-03-10T09:00:00Z");
    const d: Deps = { ...deps, now: () => new Date(now) };
    const admin = await makeTenant(d, "reports");
    const tenantId = admin.ctx.tenantId;
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support", serviceLevelSec: 20 }) });
    const ada = await makeQueueAgent(d, tenantId, queue.id, "Ada");
    const bo = await makeQueueAgent(d, tenantId, queue.id, "Bo");
    const sys: Ctx = { deps: d, tenantId, actor: { kind: "system", role: "admin" } };
    const offer = async (who: Ctx, callId: string) => {
      await agents.setState({ ctx: who, input: { state: "available" } });
      const o = await claimOffer(d, tenantId, { callId, userId: userOf(who), reason: "longest-idle" } as never, { name: "Support", ringTimeoutSec: 30 });
      if (!o) throw new Error("no offer");
      return o;
    };
    const handle = async (who: Ctx, enterAt: number, waitS: number, talkS: number, wrapS: number, from: string) => {
      now = enterAt;
      const call = await makeQueuedCall(sys, queue.id, from);
      now += waitS * 1000;
      await calls.answerOffer({ ctx: who, input: { offerId: (await offer(who, call.id)).offerId } });
      now += talkS * 1000;
      await calls.end({ ctx: sys, input: { callId: call.id, reason: "caller_hangup" } });
      now += wrapS * 1000;
      await calls.wrapUp({ ctx: who, input: { callId: call.id, dispositionId: null, notes: "" } });
    };
    await handle(ada, at("2026-03-10T09:00:00Z"), 10, 60, 30, "+14155550001");
    await handle(bo, at("2026-03-10T23:30:00Z"), 30, 90, 10, "+14155550002");
    now = at("2026-03-11T08:00:00Z");
    const c = await makeQueuedCall(sys, queue.id, "+14155550003");
    now += 5_000;
    await calls.declineOffer({ ctx: ada, input: { offerId: (await offer(ada, c.id)).offerId } });
    now += 40_000;
    await calls.end({ ctx: sys, input: { callId: c.id, reason: "caller_hangup" } });
    return { admin: { ...admin.ctx, deps: d }, queue, adaId: userOf(ada), boId: userOf(bo) };
  }

  it("counts each queue's calls per local day, with service level, ASA, AHT, abandons and the longest wait", async () => {
    const { admin, queue } = await threeCalls();
    const paris = await queueReport({ ctx: admin, input: query({ from: "2026-03-10", to: "2026-03-11", timeZone: "Europe/Paris" }) });
    expect(paris.buckets).toEqual(["2026-03-10", "2026-03-11"]);
    expect(paris.rows.map(({ bucket, offered, answered, answeredWithinThreshold, serviceLevel, abandoned, abandonRate, asaSec, ahtSec, longestWaitSec }) => ({ bucket, offered, answered, answeredWithinThreshold, serviceLevel, abandoned, abandonRate, asaSec, ahtSec, longestWaitSec }))).toEqual([
      { bucket: "2026-03-10", offered: 1, answered: 1, answeredWithinThreshold: 1, serviceLevel: 1, abandoned: 0, abandonRate: 0, asaSec: 10, ahtSec: 90, longestWaitSec: 10 },
      { bucket: "2026-03-11", offered: 2, answered: 1, answeredWithinThreshold: 0, serviceLevel: 0, abandoned: 1, abandonRate: 0.5, asaSec: 30, ahtSec: 100, longestWaitSec: 45 },
    ]);
    expect(paris.queues).toEqual([expect.objectContaining({ queueId: queue.id, queueName: "Support", serviceLevelSec: 20, offered: 3, answered: 2, serviceLevel: 0.5, abandoned: 1, asaSec: 20, ahtSec: 95, longestWaitSec: 45 })]);
    expect(paris.total).toMatchObject({ offered: 3, answered: 2, abandonRate: 1 / 3 });

    // The same calls by UTC days: B moves to the 10th.
    const utc = await queueReport({ ctx: admin, input: query({ from: "2026-03-10", to: "2026-03-11" }) });
    expect(utc.rows.map((r) => [r.bucket, r.offered])).toEqual([["2026-03-10", 2], ["2026-03-11", 1]]);
    // By the hour in Paris: A in the 10:00 interval.
    const hourly = await queueReport({ ctx: admin, input: query({ from: "2026-03-10", to: "2026-03-10", interval: "hour", timeZone: "Europe/Paris" }) });
    expect(hourly.rows.filter((r) => r.offered > 0).map((r) => r.bucket)).toEqual(["2026-03-10T10:00"]);
    // A period around the calls only: nothing, every figure empty but the queue still listed.
    const before = await queueReport({ ctx: admin, input: query({ from: "2026-03-01", to: "2026-03-09" }) });
    expect(before.queues).toEqual([expect.objectContaining({ offered: 0, answered: 0, serviceLevel: null, asaSec: null, longestWaitSec: null })]);

    const csv = queueReportCsv(paris).split("\r\n");
    expect(csv[0]).toBe("interval,queue,offered,answered,answered_within_threshold,service_level,abandoned,abandon_rate,asa_sec,aht_sec,longest_wait_sec");
    expect(csv[2]).toBe("2026-03-11,Support,2,1,0,0,1,0.5,30,100,45");
  });

  it("credits agents with the calls they handled and the offers they got, per local day", async () => {
    const { admin, adaId, boId } = await threeCalls();
    const r = await agentReport({ ctx: admin, input: query({ from: "2026-03-10", to: "2026-03-11", timeZone: "Europe/Paris" }) });
    const pick = (userId: string) => r.rows.filter((x) => x.userId === userId).map(({ bucket, handled, talkSec, holdSec, wrapUpSec, ahtSec, offers, missed, declined }) => ({ bucket, handled, talkSec, holdSec, wrapUpSec, ahtSec, offers, missed, declined }));
    expect(pick(adaId)).toEqual([
      { bucket: "2026-03-10", handled: 1, talkSec: 60, holdSec: 0, wrapUpSec: 30, ahtSec: 90, offers: 1, missed: 0, declined: 0 },
      { bucket: "2026-03-11", handled: 0, talkSec: 0, holdSec: 0, wrapUpSec: 0, ahtSec: null, offers: 1, missed: 0, declined: 1 },
    ]);
    expect(pick(boId)).toEqual([
      { bucket: "2026-03-10", handled: 0, talkSec: 0, holdSec: 0, wrapUpSec: 0, ahtSec: null, offers: 0, missed: 0, declined: 0 },
      { bucket: "2026-03-11", handled: 1, talkSec: 90, holdSec: 0, wrapUpSec: 10, ahtSec: 100, offers: 1, missed: 0, declined: 0 },
    ]);
    expect(r.agents.map((a) => [a.name, a.handled, a.offers])).toEqual([["Ada", 1, 2], ["Bo", 1, 1]]);
    expect(r.total).toMatchObject({ handled: 2, talkSec: 150, offers: 3, declined: 1, ahtSec: 95 });
  });

  it("shows a tenant only its own calls, and another tenant's queue is not found", async () => {
    const { admin, queue } = await threeCalls();
    const other = await makeTenant(deps, "other");
    const theirs = await queueReport({ ctx: other.ctx, input: query({ from: "2026-03-10", to: "2026-03-11" }) });
    expect(theirs.total.offered).toBe(0);
    expect(theirs.rows.every((r) => r.queueId !== queue.id)).toBe(true);
    expect((await agentReport({ ctx: other.ctx, input: query({ from: "2026-03-10", to: "2026-03-11" }) })).agents).toEqual([]);
    await expect(queueReport({ ctx: other.ctx, input: query({ from: "2026-03-10", to: "2026-03-11", queueId: queue.id }) })).rejects.toMatchObject({ code: "not_found" });
    await expect(agentReport({ ctx: other.ctx, input: query({ from: "2026-03-10", to: "2026-03-11", queueId: queue.id }) })).rejects.toMatchObject({ code: "not_found" });
    // The owner filtering on its queue gets the same figures as without the filter (one queue).
    const mine = await queueReport({ ctx: admin, input: query({ from: "2026-03-10", to: "2026-03-11", queueId: queue.id }) });
    expect(mine.total.offered).toBe(3);
  });
});
