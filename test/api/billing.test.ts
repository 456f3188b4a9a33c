import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe } from "../peers/fake-stripe";
import { type TestServer, signupClient, startServer } from "../server";
import { uniqueEmail } from "../factories";

const WEBHOOK_SECRET = "whsec_test_secret";
type Err = { error: { code: string; message: string } };

describe("billing off (self-hosted)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it("says so, refuses Checkout, and leaves seats unlimited", async () => {
    const { client } = await signupClient(server.url);
    expect((await client.call("GET", "/api/v1/billing")).body).toMatchObject({ enabled: false, seatsUsed: 0 });
    const checkout = await client.call<Err>("POST", "/api/v1/billing/checkout", { body: { seats: 3 } });
    expect(checkout.status).toBe(409);
    for (let i = 0; i < 3; i++) {
      const res = await client.call("POST", "/api/v1/users", { body: { email: uniqueEmail("agent"), name: `Agent ${i}`, role: "agent", password: "a-long-password-1" } });
      expect(res.status).toBe(201);
    }
  });
});

describe("billing with Stripe", () => {
  let server: TestServer;
  let fake: Awaited<ReturnType<typeof startFakeStripe>>;
  const stripe = new Stripe("sk_test_signing_only");
  beforeAll(async () => {
    fake = await startFakeStripe();
    server = await startServer({
      STRIPE_SECRET_KEY: "sk_test_hotline",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_ID: "price_seat",
      STRIPE_API_URL: fake.url,
      STRIPE_TRIAL_DAYS: "14",
    });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  const agent = (n: number) => ({ email: uniqueEmail("agent"), name: `Agent ${n}`, role: "agent", password: "a-long-password-1" });
  const post = (payload: string, header: string) =>
    fetch(`${server.url}/api/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
  const event = (id: string, object: Record<string, unknown>) => JSON.stringify({ id, object: "event", type: "customer.subscription.updated", data: { object } });

  it("creates the customer and a Checkout session, then takes seats from the subscription Stripe reports", async () => {
    const { client, tenantId } = await signupClient(server.url);
    const blocked = await client.call<Err>("POST", "/api/v1/users", { body: agent(1) });
    expect(blocked.status).toBe(402);
    expect(blocked.body.error.code).toBe("seat_limit");
    expect(blocked.body.error.message).toMatch(/Billing/);

    const checkout = await client.call<{ url: string }>("POST", "/api/v1/billing/checkout", { body: { seats: 2 } });
    expect(checkout.status).toBe(200);
    expect(checkout.body.url).toBe("https://checkout.stripe.test/c/cs_1");
    const customer = fake.requests.find((r) => r.path === "/v1/customers");
    expect(customer?.form.get("metadata[tenantId]")).toBe(tenantId);
    const session = fake.requests.find((r) => r.path === "/v1/checkout/sessions");
    expect(session?.form.get("mode")).toBe("subscription");
    expect(session?.form.get("client_reference_id")).toBe(tenantId);
    expect(session?.form.get("line_items[0][price]")).toBe("price_seat");
    expect(session?.form.get("line_items[0][quantity]")).toBe("2");
    expect(session?.form.get("subscription_data[trial_period_days]")).toBe("14");
    const customerId = fake.customerIds.at(-1) ?? "";

    // Stripe says: active, 2 seats. The event body claims 50; it is not trusted.
    const subId = `sub_${randomUUID().slice(0, 8)}`;
    fake.subscriptions.set(subId, { id: subId, customer: customerId, status: "active", quantity: 2, periodEnd: 1_900_000_000 });
    // Event ids are global (Stripe's), and the test database may keep earlier runs' events.
    const payload = event(`evt_${randomUUID()}`, { id: subId, object: "subscription", customer: customerId, status: "active", items: { data: [{ quantity: 50 }] } });
    const ok = await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, duplicate: false });
    const billing = await client.call<{ seatsPaid: number; status: string; live: boolean; currentPeriodEnd: string }>("GET", "/api/v1/billing");
    expect(billing.body).toMatchObject({ enabled: true, seatsPaid: 2, status: "active", live: true, currentPeriodEnd: new Date(1_900_000_000_000).toISOString() });

    expect((await client.call("POST", "/api/v1/users", { body: agent(1) })).status).toBe(201);
    expect((await client.call("POST", "/api/v1/users", { body: agent(2) })).status).toBe(201);
    expect((await client.call<Err>("POST", "/api/v1/users", { body: agent(3) })).body.error.code).toBe("seat_limit");
    // Admins hold no seat.
    expect((await client.call("POST", "/api/v1/users", { body: { ...agent(4), role: "admin" } })).status).toBe(201);

    // The same event again changes nothing and asks Stripe nothing.
    const before = fake.requests.length;
    const again = await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }));
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(fake.requests.length).toBe(before);

    const portal = await client.call<{ url: string }>("POST", "/api/v1/billing/portal");
    expect(portal.body.url).toBe("https://billing.stripe.test/p/1");
  });

  it("refuses forged, stale and unsigned webhooks with 400 and changes nothing", async () => {
    const { client } = await signupClient(server.url);
    await client.call("POST", "/api/v1/billing/checkout", { body: { seats: 1 } });
    const customerId = fake.customerIds.at(-1) ?? "";
    const payload = event(`evt_${randomUUID()}`, { id: "sub_forged", object: "subscription", customer: customerId });
    fake.subscriptions.set("sub_forged", { id: "sub_forged", customer: customerId, status: "active", quantity: 99, periodEnd: 1_900_000_000 });
    const forged = await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" }));
    const stale = await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 }));
    const unsigned = await fetch(`${server.url}/api/webhooks/stripe`, { method: "POST", body: payload });
    const tampered = await post(payload.replace("sub_forged", "sub_other"), stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }));
    for (const res of [forged, stale, unsigned, tampered]) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as Err).error.code).toBe("bad_request");
    }
    expect((await client.call<{ seatsPaid: number }>("GET", "/api/v1/billing")).body.seatsPaid).toBe(0);
  });

  it("keeps billing to admins and each tenant to its own customer", async () => {
    const a = await signupClient(server.url, "a");
    const created = await a.client.call<{ id: string }>("POST", "/api/v1/users", { body: { ...agent(9), role: "admin" } });
    expect(created.status).toBe(201);
    const b = await signupClient(server.url, "b");
    await a.client.call("POST", "/api/v1/billing/checkout", { body: { seats: 1 } });
    await b.client.call("POST", "/api/v1/billing/checkout", { body: { seats: 1 } });
    const customers = fake.requests.filter((r) => r.path === "/v1/customers").map((r) => r.form.get("metadata[tenantId]"));
    expect(customers).toContain(a.tenantId);
    expect(customers).toContain(b.tenantId);
    const bad = await a.client.call<Err>("POST", "/api/v1/billing/checkout", { body: { seats: 0 } });
    expect(bad.status).toBe(422);
  });
});
