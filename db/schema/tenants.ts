import { boolean, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";

export const tenants = pgTable(
  "tenants",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Every call recorded (both legs, stereo), stored encrypted under a per-tenant key. */
    recordingEnabled: boolean("recording_enabled").notNull().default(true),
    /** Recordings older than this are deleted by a job. */
    recordingRetentionDays: integer("recording_retention_days").notNull().default(180),
    /** Recorded calls are transcribed after they end (speech to text, PII masked). */
    transcriptionEnabled: boolean("transcription_enabled").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug)],
);
