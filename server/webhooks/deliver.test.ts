import { type IncomingHttpHeaders, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import type { Ctx, Deps } from "../context";
import { create, sendTest, update } from "../services/webhooks";
import { webhookCreate } from "../services/webhooks/schemas";
import * as tickets from "../services/tickets";
import { BACKOFF_MS, deliverDue, startWebhookDelivery, verifySignature } from "./deliver";
import { signatureHeader } from "./signature";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: records each request and answers with the next scripted reply (200 when none is left). */
function receiver() {
  const received: Received[] = [];
  const replies: Array<(res: ServerResponse) => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      (replies.shift() ?? ((r) => r.writeHead(200).end("ok")))(res);
    });
  });
  return {
    received,
    replies,
    url: "",
    async start() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    server,
  };
}

const status = (code: number, headers: Record<string, string> = {}) => (res: ServerResponse) => res.writeHead(code, headers).end(`answer ${code}`);

describe("signatures", () => {
  const secret = "whsec_test-secret";
  const body = '{"id":"e1","type":"ping"}';
  const now = Date.UTC(2030, 0, 1);
  const t = Math.floor(now / 1000);

  it("verifies t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body> within the tolerance", () => {
    const header = signatureHeader(secret, body, t);
    expect(header).toMatch(new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
    expect(verifySignature(secret, header, body, 300, now)).toBe(true);
    expect(verifySignature(secret, header, Buffer.from(body), 300, now + 299_000)).toBe(true);
    expect(verifySignature(secret, `${header},v1=${"0".repeat(64)}`, body, 300, now)).toBe(true);
  });

  it("refuses another body, secret or time, a stale timestamp and malformed headers", () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature(secret, header, `${body} `, 300, now)).toBe(false);
    expect(verifySignature("whsec_other", header, body, 300, now)).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, 300, now)).toBe(false);
    expect(verifySignature(secret, header, body, 300, now + 301_000)).toBe(false);
    expect(verifySignature(secret, header, body, 300, now - 301_000)).toBe(false);
    for (const bad of [null, "", "garbage", `t=${t}`, `v1=${header.split("v1=")[1]}`, `t=abc,v1=${header.split("v1=")[1]}`, `t=${t},v1=zz`]) {
      expect(verifySignature(secret, bad, body, 300, now)).toBe(false);
    }
  });
});

describe.each(testDrivers)("webhook delivery on $name", (driver) => {
  let db: Database;
  let deps: Deps;
  // A clock of our own, far from the wall clock: another process's delivery loop on a shared test
  // database never finds these deliveries due, and the tests move time instead of waiting.
  let clock = Date.UTC(2090, 0, 1);
  useMigratedDatabase(driver, (opened) => {
    db = opened.db;
    deps = { ...opened.deps, now: () => new Date(clock) };
  });
  const hook = receiver();
  beforeAll(() => hook.start());
  afterAll(() => hook.stop());

  const deliveryRows = (ctx: Ctx) => db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, ctx.tenantId));
  const only = (ctx: Ctx) => ({ tenantId: ctx.tenantId });
  async function withWebhook(path: string, events: string[] = ["ticket.created"]) {
    const t = await makeTenant(deps);
    const made = await create({ ctx: t.ctx, input: webhookCreate.parse({ url: `${hook.url}${path}`, events }) });
    return { ...t, webhook: made };
  }
  const receivedAt = (path: string) => hook.received.filter((r) => r.path === path);

  it("POSTs the event as JSON, signed with the webhook's secret, and marks it delivered", async () => {
    const { ctx, webhook } = await withWebhook("/signed");
    const ticket = await tickets.create({ ctx, input: { subject: "Broken phone", description: "", status: "open", priority: "normal", contactId: null, assigneeId: null, callId: null } });
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(1);

    const [req] = receivedAt("/signed");
    const [row] = await deliveryRows(ctx);
    expect(req?.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Hotline-Webhooks/1", "hotline-event": "ticket.created", "hotline-delivery": row?.id });
    const signature = String(req?.headers["hotline-signature"]);
    expect(signature).toMatch(new RegExp(`^t=${Math.floor(clock / 1000)},v1=[0-9a-f]{64}$`));
    expect(verifySignature(webhook.secret, signature, req?.body ?? "", 300, clock)).toBe(true);
    expect(verifySignature(webhook.secret, signature, (req?.body ?? "").replace("Broken", "Fixed"), 300, clock)).toBe(false);
    expect(JSON.parse(req?.body ?? "")).toEqual({ id: row?.eventId, type: "ticket.created", createdAt: new Date(clock).toISOString(), tenantId: ctx.tenantId, data: ticket });
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, lastError: null, deliveredAt: new Date(clock) });
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(0);
  });

  it("refuses loopback and private targets unless they are allowed, and records why", async () => {
    const { ctx } = await withWebhook("/private");
    await tickets.create({ ctx, input: { subject: "Private", description: "", status: "open", priority: "normal", contactId: null, assigneeId: null, callId: null } });
    expect(await deliverDue(deps, { only: only(ctx) })).toBe(1);
    expect(receivedAt("/private")).toHaveLength(0);
    const [row] = await deliveryRows(ctx);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
    expect(row?.lastError).toMatch(/127\.0\.0\.1 is a private or local address/);
  });

  it("checks the address a host name resolves to when it connects (localhost is refused)", async () => {
    const t = await makeTenant(deps);
    await create({ ctx: t.ctx, input: webhookCreate.parse({ url: hook.url.replace("127.0.0.1", "localhost") + "/by-name", events: ["ticket.created"] }) });
    await tickets.create({ ctx: t.ctx, input: { subject: "By name", description: "", status: "open", priority: "normal", contactId: null, assigneeId: null, callId: null } });
    await deliverDue(deps, { only: only(t.ctx) });
    expect(receivedAt("/by-name")).toHaveLength(0);
    expect((await deliveryRows(t.ctx))[0]?.lastError).toMatch(/localhost resolves to a private or local address/);
  });

  it("retries after a failure with the backoff: a 500 then a 200 is delivered on attempt 2", async () => {
    const { ctx, webhook } = await withWebhook("/flaky", ["ticket.created"]);
    hook.replies.push(status(500));
    await sendTest({ ctx, input: { id: webhook.id } });
    await deliverDue(deps, { only: only(ctx), allowPrivate: true, backoffMs: [2_000] });
    const [failed] = await deliveryRows(ctx);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500", nextAttemptAt: new Date(clock + 2_000) });

    clock += 1_999;
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true, backoffMs: [2_000] })).toBe(0);
    clock += 1;
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true, backoffMs: [2_000] })).toBe(1);
    const [delivered] = await deliveryRows(ctx);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200, lastError: null });
    expect(receivedAt("/flaky").map((r) => r.headers["hotline-event"])).toEqual(["ping", "ping"]);
    // Both attempts carry the same delivery id, each its own fresh signature.
    expect(new Set(receivedAt("/flaky").map((r) => r.headers["hotline-delivery"]))).toEqual(new Set([failed?.id]));
  });

  it("waits 10 s, 1 min, 5 min, 30 min, 2 h, 6 h between attempts, then gives up", async () => {
    const { ctx, webhook } = await withWebhook("/down");
    for (let i = 0; i < 7; i++) hook.replies.push(status(503));
    await sendTest({ ctx, input: { id: webhook.id } });
    for (const wait of BACKOFF_MS) {
      expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(1);
      const [row] = await deliveryRows(ctx);
      expect(row?.nextAttemptAt.getTime() ?? 0).toBe(clock + wait);
      clock += wait;
    }
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(1);
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "failed", attempts: 7, lastStatus: 503 });
    clock += 86_400_000;
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(0);
    expect(receivedAt("/down")).toHaveLength(7);
  });

  it("records a receiver that does not answer in time as a failed attempt", async () => {
    const { ctx, webhook } = await withWebhook("/slow");
    let hung: ServerResponse | undefined;
    hook.replies.push((res) => (hung = res));
    await sendTest({ ctx, input: { id: webhook.id } });
    const started = Date.now();
    await deliverDue(deps, { only: only(ctx), allowPrivate: true, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "pending", attempts: 1, lastStatus: null, lastError: "No answer within 0.3 s" });
    hung?.destroy();
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    const { ctx, webhook } = await withWebhook("/moved");
    hook.replies.push(status(302, { location: `${hook.url}/elsewhere` }));
    await sendTest({ ctx, input: { id: webhook.id } });
    await deliverDue(deps, { only: only(ctx), allowPrivate: true });
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "pending", attempts: 1, lastStatus: 302, lastError: `HTTP 302 (redirect to ${hook.url}/elsewhere not followed)` });
    expect(receivedAt("/moved")).toHaveLength(1);
    expect(receivedAt("/elsewhere")).toHaveLength(0);
  });

  it("records an unreachable receiver's error", async () => {
    const { ctx } = await makeTenant(deps);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const made = await create({ ctx, input: webhookCreate.parse({ url: `http://127.0.0.1:${port}/`, events: ["call.ended"] }) });
    await sendTest({ ctx, input: { id: made.id } });
    await deliverDue(deps, { only: only(ctx), allowPrivate: true });
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "pending", attempts: 1, lastStatus: null, lastError: expect.stringContaining("ECONNREFUSED") });
  });

  it("two nodes delivering at once send each delivery once", async () => {
    const { ctx, webhook } = await withWebhook("/twice");
    for (let i = 0; i < 6; i++) await sendTest({ ctx, input: { id: webhook.id } });
    const claimed = await Promise.all([deliverDue(deps, { only: only(ctx), allowPrivate: true, batchSize: 4 }), deliverDue(deps, { only: only(ctx), allowPrivate: true, batchSize: 4 })]);
    expect(claimed[0] + claimed[1]).toBe(6);
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(0);
    const ids = receivedAt("/twice").map((r) => r.headers["hotline-delivery"]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect((await deliveryRows(ctx)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });

  it("a node stopping mid-request leaves the delivery due, uncounted, for the next run", async () => {
    const { ctx, webhook } = await withWebhook("/restart");
    hook.replies.push(() => {}); // never answers
    await sendTest({ ctx, input: { id: webhook.id } });
    const stop = new AbortController();
    const round = deliverDue(deps, { only: only(ctx), allowPrivate: true, signal: stop.signal });
    await expect.poll(() => receivedAt("/restart").length).toBe(1);
    stop.abort();
    await round;
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: new Date(clock) });
    // After a crash (no settle at all), the claim runs out after the lease.
    const lease = 60_000;
    const [row] = await deliveryRows(ctx);
    await db.db.update(webhookDeliveries).set({ nextAttemptAt: new Date(clock + lease) }).where(eq(webhookDeliveries.id, row?.id ?? ""));
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(0);
    clock += lease;
    expect(await deliverDue(deps, { only: only(ctx), allowPrivate: true })).toBe(1);
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("gives up a disabled webhook's pending deliveries; a node with another APP_SECRET leaves them to the others", async () => {
    const { ctx, webhook } = await withWebhook("/off");
    await sendTest({ ctx, input: { id: webhook.id } });
    await deliverDue({ ...deps, secret: "another-secret-another-secret-!!" }, { only: only(ctx), allowPrivate: true });
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: new Date(clock + 5_000), lastError: expect.stringContaining("APP_SECRET") });
    clock += 5_000;
    await update({ ctx, input: { id: webhook.id, patch: { active: false } } });
    await deliverDue(deps, { only: only(ctx), allowPrivate: true });
    expect((await deliveryRows(ctx))[0]).toMatchObject({ status: "failed", attempts: 0, lastError: "Not sent: the webhook was disabled" });
    expect(receivedAt("/off")).toHaveLength(0);
  });

  it("the loop delivers within its interval and stops on close", async () => {
    const { ctx, webhook } = await withWebhook("/loop");
    const loop = startWebhookDelivery(deps, { only: only(ctx), allowPrivate: true, intervalMs: 50 });
    try {
      await sendTest({ ctx, input: { id: webhook.id } });
      await expect.poll(async () => (await deliveryRows(ctx))[0]?.status, { timeout: 5_000 }).toBe("delivered");
    } finally {
      await loop.close();
    }
    await sendTest({ ctx, input: { id: webhook.id } });
    await new Promise((r) => setTimeout(r, 200));
    expect((await deliveryRows(ctx)).map((d) => d.status).sort()).toEqual(["delivered", "pending"]);
  });
});
