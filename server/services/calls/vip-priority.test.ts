/**
 * VIP priority by contact tier: a VIP caller jumps ahead of standard callers of the same queue
 * (routing offers them first to the next free agent); a standard caller keeps their place.
 */
import { describe, expect, it } from "vitest";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeQueueAgent, makeTenant, unique } from "@/test/factories";
import { createDispatcher } from "../../acd/dispatcher";
import type { Ctx, Deps, UserEvent } from "../../context";
import * as agents from "../agents";
import * as contacts from "../contacts";
import * as queues from "../queues";
import { queueCreate } from "../queues/schemas";
import * as calls from ".";
import { VIP_PRIORITY } from "./enqueue";

const randomNumber = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

describe.each(testDrivers)("VIP priority on $name", (driver) => {
  let base: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps: base } = opened));

  /** A queue with one agent (not yet available), callers with a contact of `tier` each, a second apart. */
  async function setup() {
    let offset = 0;
    const offers: Array<{ userId: string; callId: string }> = [];
    const deps: Deps = { ...base, now: () => new Date(Date.now() + offset), notifyUser: (userId: string, e: UserEvent) => void (e.type === "call:offered" && offers.push({ userId, callId: e.callId })) };
    const admin = await makeTenant(deps);
    const queue = await queues.create({ ctx: admin.ctx, input: queueCreate.parse({ name: "Support" }) });
    const agent = await makeQueueAgent(deps, admin.tenant.id, queue.id, "Agent");
    const system: Ctx = { deps, tenantId: admin.tenant.id, actor: { kind: "system", role: "admin" } };
    const caller = async (tier: "vip" | "standard") => {
      offset += 1000;
      const from = randomNumber();
      const contact = await contacts.create({ ctx: admin.ctx, input: { name: `${tier} caller`, phone: from, email: null, tier, notes: "" } });
      const call = await calls.startInbound({ ctx: system, input: { fromNumber: from, toNumber: "+14155550100", trunkId: null as never, sipCallId: unique("sip"), source: "127.0.0.1" } });
      await calls.enqueue({ ctx: system, input: { callId: call.id, queueId: queue.id, contactId: contact.id } });
      return call.id;
    };
    /** The agent becomes free: the call routing offers them. */
    const agentFree = async () => {
      const dispatcher = createDispatcher(deps, { sweepMs: 3_600_000 });
      try {
        await agents.setState({ ctx: agent, input: { state: "available" } });
        dispatcher.kick(admin.tenant.id);
        await dispatcher.idle();
      } finally {
        await dispatcher.close();
      }
      return offers.map((o) => o.callId);
    };
    const end = async (ids: string[]) => {
      for (const callId of ids) await calls.end({ ctx: system, input: { callId, reason: "test_done" } });
    };
    return { system, caller, agentFree, end };
  }

  it("offers a VIP who arrived after a standard caller first to the next free agent", async () => {
    const { system, caller, agentFree, end } = await setup();
    const regular = await caller("standard");
    const vip = await caller("vip");
    try {
      expect(await agentFree()).toEqual([vip]);
      const record = await calls.get({ ctx: system, input: { id: vip } });
      expect(record.events.find((e) => e.type === "queued")?.data).toMatchObject({ priority: VIP_PRIORITY });
      expect((await calls.get({ ctx: system, input: { id: regular } })).state).toBe("queued");
    } finally {
      await end([regular, vip]);
    }
  });

  it("does not boost a standard caller: the one who waited longest is offered first", async () => {
    const { system, caller, agentFree, end } = await setup();
    const first = await caller("standard");
    const second = await caller("standard");
    try {
      expect(await agentFree()).toEqual([first]);
      const record = await calls.get({ ctx: system, input: { id: second } });
      expect(record.state).toBe("queued");
      expect(record.events.find((e) => e.type === "queued")?.data).toMatchObject({ priority: 0 });
    } finally {
      await end([first, second]);
    }
  });
});
