import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ReservedSql, Sql } from "postgres";
import * as schema from "./schema";


export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: whatever a query can run on. */
export type Executor = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations (serialised across processes by an advisory lock). */
  migrate(): Promise<void>;
  /** True when the database answers and every committed migration is applied. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string } | { dataDir: string } | { memory: true };

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");
const MIGRATION_LOCK = 7_406_431; // arbitrary, fixed: the advisory lock id of our migrator

function committedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) return createPostgres(options.url);
  return createPglite("dataDir" in options ? options.dataDir : undefined);
}

/**
 * The postgres.js client as drizzle gets it:
 * - Prepared statements: drizzle runs a query it was not given a name for as an unnamed
 *   statement (prepare: false), and postgres.js then first asks the server for its parameter
 *   types: two round trips per statement, never pipelined, parsed and planned every time. With
 *   prepare: true postgres.js keeps one named statement per query text on each connection: one
 *   round trip from the second use on, pipelined with the connection's other queries, parsed
 *   once (a statement a migration made stale is prepared again by postgres.js itself).
 * - Transactions on a connection reserved first. postgres.js 3.4.9's sql.begin() reserves the
 *   connection only when its BEGIN did not fill the connection's pipeline, so under load a BEGIN
 *   could run on a connection still shared with pooled queries (UNSAFE_TRANSACTION, or other
 *   queries inside the transaction; porsager/postgres#1189), and with no pipeline at all it never
 *   reserves (#1210). sql.reserve() takes an idle connection for the transaction alone.
 */
export function forDrizzle(sql: Sql, transactions: Sql = sql): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") return preparedUnsafe(target);
      if (prop === "begin") return (...args: unknown[]) => reservedTransaction(transactions, args);
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

const preparedUnsafe =
  (target: Sql | ReservedSql) =>
  (query: string, params?: unknown[], opts?: Record<string, unknown>) =>
    target.unsafe(query, params as never, { ...opts, prepare: true });

type TxFn = (tx: unknown) => unknown;

async function reservedTransaction(sql: Sql, args: unknown[]): Promise<unknown> {
  const fn = args.pop() as TxFn;
  const options = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
  const conn = await sql.reserve();
  try {
    await conn.unsafe(`begin ${options}`);
    const result = await fn(inTransaction(conn));
    await conn.unsafe("commit");
    return result;
  } catch (e) {
    await conn.unsafe("rollback").catch(() => undefined);
    throw e;
  } finally {
    conn.release();
  }
}

/** The reserved connection as a transaction: prepared statements, and savepoints for nested ones. */
function inTransaction(conn: ReservedSql): unknown {
  let savepoints = 0;
  const tx: unknown = new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop === "unsafe") return preparedUnsafe(target);
      if (prop === "savepoint") {
        return async (fn: TxFn) => {
          const name = `s${++savepoints}`;
          await target.unsafe(`savepoint ${name}`);
          try {
            const result = await fn(tx);
            await target.unsafe(`release savepoint ${name}`);
            return result;
          } catch (e) {
            await target.unsafe(`rollback to savepoint ${name}`).catch(() => undefined);
            throw e;
          }
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return tx;
}

async function createPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // Two pools: pooled queries pipelined on one; transactions on the other, each on a connection it
  // reserves. Sharing one pool, a reserve() waits for a connection with nothing in flight, which
  // pipelined traffic under sustained load may never leave.
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  const txClient = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzle(forDrizzle(client, txClient), { schema }) as unknown as Db;
  // drizzle sets its own parsers and serializers (jsonb, timestamps) on the client it is given;
  // transactions run on the other pool and must read and write values the same way.
  Object.assign(txClient.options.parsers, client.options.parsers);
  Object.assign(txClient.options.serializers, client.options.serializers);
  return withCommon(db, "postgres", {
    async migrate() {
      // A one-connection client keeps the advisory lock and the migration on the same session.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(drizzle(single, { schema }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), txClient.end({ timeout: 5 })]);
    },
  });
}

async function createPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const pg = drizzle(client, { schema });
  // One PGlite instance is one session: run migrators one after the other.
  let queue: Promise<void> = Promise.resolve();
  return withCommon(pg as unknown as Db, "pglite", {
    migrate: () => (queue = queue.catch(() => {}).then(() => migrate(pg, { migrationsFolder: MIGRATIONS_DIR }))),
    close: () => client.close(),
  });
}

function withCommon(
  db: Db,
  kind: Database["kind"],
  parts: { migrate(): Promise<void>; close(): Promise<void> },
): Database {
  const expected = committedMigrationCount();
  return {
    db,
    kind,
    migrate: parts.migrate,
    close: parts.close,
    async ready() {
      try {
        const rows = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
        return (list[0]?.n ?? 0) >= expected;
      } catch {
        return false;
      }
    },
  };
}
