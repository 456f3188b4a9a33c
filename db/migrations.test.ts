import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDrivers } from "@/test/databases";

describe.each(testDrivers)("migrations on $name", (driver) => {
  it("apply from scratch, twice without harm, and report ready", async () => {
    const db = await driver.open();
    try {
      await db.migrate();
      await db.migrate(); // idempotent: a restart re-runs it
      expect(await db.ready()).toBe(true);
      const result = await db.db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const rows = Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows;
      const names = rows.map((r) => r.table_name);
      for (const t of ["tenants", "users", "sessions", "api_keys", "skills", "queues", "queue_members", "audit_log"]) {
        expect(names).toContain(t);
      }
    } finally {
      await db.close();
    }
  });

  it("serialises concurrent migrators", async () => {
    const a = await driver.open();
    try {
      await Promise.all([a.migrate(), a.migrate()]);
      expect(await a.ready()).toBe(true);
    } finally {
      await a.close();
    }
  });
});
