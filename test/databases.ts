import { type Database, createDatabase } from "@/db/client";

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
