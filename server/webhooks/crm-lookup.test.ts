import { type IncomingHttpHeaders, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import type { Deps } from "../context";
import { screenPop } from "../services/contacts/screen-pop";
import { create } from "../services/webhooks";
import { webhookCreate } from "../services/webhooks/schemas";
import { verifySignature } from "./signature";

/** A CRM on 127.0.0.1 that answers each lookup with the next scripted reply. */
const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const replies: Array<(res: ServerResponse) => void> = [];
const crm = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    (replies.shift() ?? ((r) => r.writeHead(404).end()))(res);
  });
});
let crmUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => crm.listen(0, "127.0.0.1", resolve));
  crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/lookup`;
});
afterAll(async () => {
  crm.closeAllConnections();
  await new Promise((r) => crm.close(r));
});
const json = (body: unknown) => (res: ServerResponse) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

describe.each(testDrivers)("CRM lookup in the screen pop on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = { deps: { ...opened.deps, webhooksAllowPrivate: true } }));

  async function tenantWithCrm(events: string[] = ["contact.lookup"]) {
    const t = await makeTenant(deps);
    const hook = await create({ ctx: t.ctx, input: webhookCreate.parse({ url: crmUrl, events }) });
    return { ...t, secret: hook.secret };
  }

  it("asks the tenant's CRM with a signed request and shows its answer", async () => {
    const { ctx, secret } = await tenantWithCrm();
    replies.push(json({ name: "Grace Hopper", company: "Navy", url: "https://crm.example.com/c/42", notes: "Prefers email", extra: { ignored: true } }));
    const before = seen.length;
    const pop = await screenPop({ ctx, input: { phone: "+14155550142" } });
    expect(pop.crm).toEqual({ name: "Grace Hopper", company: "Navy", url: "https://crm.example.com/c/42", notes: "Prefers email" });
    const req = seen[before];
    expect(JSON.parse(req?.body ?? "{}")).toMatchObject({ type: "contact.lookup", tenantId: ctx.tenantId, data: { phone: "+14155550142" } });
    expect(req?.headers["hotline-event"]).toBe("contact.lookup");
    expect(verifySignature(secret, String(req?.headers["hotline-signature"]), req?.body ?? "")).toBe(true);
  });

  it("shows no CRM record for an error, odd JSON, a slow CRM, or a link that is not http(s)", async () => {
    const { ctx } = await tenantWithCrm();
    replies.push((res) => res.writeHead(500).end("boom"));
    expect((await screenPop({ ctx, input: { phone: "+14155550143" } })).crm).toBeNull();
    replies.push((res) => res.writeHead(200).end("not json"));
    expect((await screenPop({ ctx, input: { phone: "+14155550143" } })).crm).toBeNull();
    replies.push(json({ url: "javascript:alert(1)", name: "Eve" }));
    expect((await screenPop({ ctx, input: { phone: "+14155550143" } })).crm).toEqual({ name: "Eve" });
    // A CRM answering after the 2 s limit: its record is not waited for.
    replies.push((res) => setTimeout(() => json({ name: "Too late" })(res), 3000));
    const pop = await screenPop({ ctx, input: { phone: "+14155550143" } });
    expect(pop.crm).toBeNull();
    expect(pop.contact.phone).toBe("+14155550143"); // Hotline's own data is there all the same
  });

  it("asks nobody without a contact.lookup webhook, or when it points at a private address that is not allowed", async () => {
    const before = seen.length;
    const { ctx } = await tenantWithCrm(["call.ended"]);
    expect((await screenPop({ ctx, input: { phone: "+14155550144" } })).crm).toBeNull();
    const other = await tenantWithCrm();
    expect((await screenPop({ ctx: { ...other.ctx, deps: { ...deps, webhooksAllowPrivate: false } }, input: { phone: "+14155550144" } })).crm).toBeNull();
    expect(seen.length).toBe(before);
  });
});
