/**
 * The PostgreSQL client under concurrency. Pooled queries are pipelined (prepared statements);
 * transactions must still own their connection. postgres.js 3.4.9's own sql.begin() reserves the
 * connection only when its BEGIN did not fill the connection's pipeline (porsager/postgres#1189):
 * bench:acd at 50 calls/s failed thousands of calls with UNSAFE_TRANSACTION. forDrizzle opens each
 * transaction on a connection reserved before its BEGIN; these tests hold it to isolation (no
 * pooled query inside a transaction, one transaction id throughout), rollback and savepoints.
 */
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDatabase, forDrizzle } from "./client";

const url = process.env.TEST_DATABASE_URL;
type Row = { x: string | null };

describe.skipIf(!url)("PostgreSQL client", () => {
  it("runs a transaction on a connection of its own even when the pool's only connection is busy", async () => {
    // One connection, a pipeline of one: the transaction waits for the connection to be idle.
    const raw = postgres(url as string, { max: 1, max_pipeline: 1, onnotice: () => {} } as postgres.Options<Record<string, never>>);
    const client = forDrizzle(raw);
    try {
      await client.unsafe("select 1"); // connected and idle
      const busy = client.unsafe("select pg_sleep(0.1)"); // in flight: the connection is busy, not full
      const tx = client.begin(async (t) => {
        const conn = t as unknown as postgres.Sql;
        const [first] = (await conn.unsafe("select txid_current()::text as x")) as unknown as Row[];
        const [again] = (await conn.unsafe("select txid_current_if_assigned()::text as x")) as unknown as Row[];
        return [first?.x, again?.x];
      });
      const outside = client.unsafe("select txid_current_if_assigned()::text as x");
      const [, ids, [pooled]] = await Promise.all([busy, tx, outside]);
      expect((ids as string[])[0]).toMatch(/^\d+$/);
      expect((ids as string[])[1]).toBe((ids as string[])[0]);
      expect((pooled as unknown as Row).x).toBeNull();
      // A failing transaction rolls back and gives its connection back.
      await expect(client.begin(async (t) => (t as unknown as postgres.Sql).unsafe("select 1/0"))).rejects.toThrow(/division by zero/);
      expect(((await client.unsafe("select txid_current_if_assigned()::text as x")) as unknown as Row[])[0]?.x).toBeNull();
    } finally {
      await raw.end({ timeout: 5 });
    }
  });

  it("keeps every drizzle transaction to itself while hundreds of pooled queries are pipelined, savepoints included", async () => {
    const database = await createDatabase({ url: url as string });
    try {
      const { db } = database;
      const pooled = async () => ((await db.execute(sql`select txid_current_if_assigned()::text as x`)) as unknown as Row[])[0]?.x ?? null;
      const transaction = () =>
        db.transaction(async (tx) => {
          const [first] = (await tx.execute(sql`select txid_current()::text as x`)) as unknown as Row[];
          const inner = await tx.transaction(async (nested) => ((await nested.execute(sql`select txid_current_if_assigned()::text as x`)) as unknown as Row[])[0]?.x);
          await tx.transaction(async () => Promise.reject(new Error("rolled back to its savepoint"))).catch(() => undefined);
          const [again] = (await tx.execute(sql`select txid_current_if_assigned()::text as x`)) as unknown as Row[];
          return [first?.x, inner, again?.x];
        });
      const work: Array<Promise<unknown>> = [];
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 100; i++) work.push(pooled());
        for (let i = 0; i < 5; i++) work.push(transaction());
      }
      // Values read and written the same way inside a transaction as outside (drizzle's jsonb and
      // timestamp handling), a jsonb parameter neither double-encoded nor compared as text.
      const roundTrip = async (run: typeof db | Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
        (await run.execute(sql`select ${JSON.stringify(["a", "b"])}::jsonb as j, ${JSON.stringify(["a", "b"])}::jsonb @> '["a"]'::jsonb as has, '2026-03-10T09:00:00Z'::timestamptz as t`)) as unknown as unknown[];
      expect(await db.transaction(roundTrip)).toEqual(await roundTrip(db));
      expect(await roundTrip(db)).toEqual([{ j: ["a", "b"], has: true, t: "2026-03-10 09:00:00+00" }]);
      const values = await Promise.all(work);
      expect(values.filter((v) => typeof v === "string")).toEqual([]);
      for (const v of values) if (Array.isArray(v)) expect(new Set(v).size).toBe(1);
    } finally {
      await database.close();
    }
  });
});
