/**
 * A local stand-in for Stripe's API (stripe-mock cannot be fetched here): it records every
 * request and answers the few endpoints billing uses, with subscriptions the test sets.
 */
import { randomUUID } from "node:crypto";
import { type IncomingMessage, createServer } from "node:http";

export interface RecordedRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

export interface FakeSubscription {
  id: string;
  customer: string;
  status: string;
  quantity: number;
  periodEnd: number;
}

export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  const subscriptions = new Map<string, FakeSubscription>();
  let customers = 0;
  const customerIds: string[] = [];
  const subObject = (s: FakeSubscription) => ({
    id: s.id,
    object: "subscription",
    customer: s.customer,
    status: s.status,
    items: { object: "list", data: [{ id: `si_${s.id}`, object: "subscription_item", quantity: s.quantity, current_period_end: s.periodEnd }] },
  });
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => resolve(body));
    });
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      const url = new URL(req.url ?? "/", "http://fake");
      const form = new URLSearchParams(req.method === "GET" ? url.search : body);
      requests.push({ method: req.method ?? "GET", path: url.pathname, form });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_${requests.length}` });
        res.end(JSON.stringify(json));
      };
      const p = url.pathname;
      if (req.method === "POST" && p === "/v1/customers") {
        // Unique across runs: the test database may keep earlier runs' customers.
        const id = `cus_${randomUUID().slice(0, 8)}${++customers}`;
        customerIds.push(id);
        return send(200, { id, object: "customer" });
      }
      if (req.method === "POST" && p === "/v1/checkout/sessions") return send(200, { id: "cs_1", object: "checkout.session", url: "https://checkout.stripe.test/c/cs_1" });
      if (req.method === "POST" && p === "/v1/billing_portal/sessions") return send(200, { id: "bps_1", object: "billing_portal.session", url: "https://billing.stripe.test/p/1" });
      const one = /^\/v1\/subscriptions\/([\w]+)$/.exec(p);
      if (req.method === "GET" && one) {
        const s = subscriptions.get(one[1] ?? "");
        return s ? send(200, subObject(s)) : send(404, { error: { type: "invalid_request_error", message: "No such subscription" } });
      }
      if (req.method === "GET" && p === "/v1/subscriptions") {
        const data = [...subscriptions.values()].filter((s) => s.customer === form.get("customer")).map(subObject);
        return send(200, { object: "list", data, has_more: false });
      }
      send(404, { error: { type: "invalid_request_error", message: `fake Stripe has no ${req.method} ${p}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    subscriptions,
    customerIds,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
