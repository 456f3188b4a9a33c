/**
 * The e2e suite's server: `server/main.ts`, on a fresh database of its own when the suite runs
 * against PostgreSQL (TEST_DATABASE_URL's server, database `hotline_e2e`, made anew each run).
 * Sharing the unit tests' database, it picked up their leftovers: transcripts queued for calls
 * whose recordings live in another data folder, sweeps over their tenants' calls.
 */
import postgres from "postgres";

const url = process.env.TEST_DATABASE_URL;
if (url) {
  const name = "hotline_e2e";
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  process.env.DATABASE_URL = own.toString();
}
await import("../server/main");
