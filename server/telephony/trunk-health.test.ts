import { describe, expect, it } from "vitest";
import type { Deps } from "../context";
import * as trunksService from "../services/trunks";
import { trunkCreate } from "../services/trunks/schemas";
import { testDrivers, useMigratedDatabase } from "@/test/databases";
import { makeTenant } from "@/test/factories";
import { startTrunkHealth } from "./trunk-health";

describe.each(testDrivers)("trunk health on $name", (driver) => {
  let deps: Deps;
  useMigratedDatabase(driver, (opened) => ({ deps } = opened));

  it("stores up with the round trip for a trunk that answers OPTIONS, and down for one that does not", async () => {
    const { ctx } = await makeTenant(deps);
    const up = await trunksService.create({ ctx, input: trunkCreate.parse({ name: "Up", outbound: { host: "127.0.0.1", port: 5999, callerId: "+14155550100" } }) });
    const down = await trunksService.create({ ctx, input: trunkCreate.parse({ name: "Down", outbound: { host: "127.0.0.2", port: 5999, callerId: "+14155550100" } }) });
    const inboundOnly = await trunksService.create({ ctx, input: trunkCreate.parse({ name: "In", inboundAddresses: ["127.0.0.1"] }) });
    const pinged: string[] = [];
    const health = startTrunkHealth(deps, async (t) => {
      pinged.push(t.host);
      return t.host === "127.0.0.1" ? { ok: true, rttMs: 3.4 } : { ok: false };
    }, { everyMs: 3_600_000 });
    await health.stop(); // the first round ran at start; stop waits for it
    expect(pinged.filter((h) => h.startsWith("127.0.0."))).toEqual(expect.arrayContaining(["127.0.0.1", "127.0.0.2"]));
    expect((await trunksService.get({ ctx, input: { id: up.id } })).health).toMatchObject({ status: "up", rttMs: 3 });
    expect((await trunksService.get({ ctx, input: { id: down.id } })).health).toMatchObject({ status: "down", rttMs: null });
    expect((await trunksService.get({ ctx, input: { id: inboundOnly.id } })).health.status).toBe("unknown");
  });
});
