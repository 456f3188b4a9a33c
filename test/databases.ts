import { afterAll, beforeAll } from "vitest";
import { type Database, createDatabase } from "@/db/client";
import type { Deps } from "@/server/context";
import { testDeps } from "./factories";

/** The databases service tests run on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export const testDrivers: Array<{ name: string; open(): Promise<Database> }> = [
  { name: "pglite", open: () => createDatabase({ memory: true }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "postgres", open: () => createDatabase({ url: process.env.TEST_DATABASE_URL as string }) }]
    : []),
];

export async function openMigrated(driver: (typeof testDrivers)[number]): Promise<Database> {
  const db = await driver.open();
  await db.migrate();
  return db;
}

/**
 * Opens a migrated database of `driver` before the suite and closes it after; `receive` gets it
 * with the deps the domain core needs.
 */
export function useMigratedDatabase(
  driver: (typeof testDrivers)[number],
  receive: (opened: { db: Database; deps: Deps }) => void,
): void {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openMigrated(driver);
    receive({ db, deps: testDeps(db.db) });
  });
  afterAll(async () => db?.close());
}
