ALTER TABLE "tenants" ADD COLUMN "recording_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "recording_retention_days" integer DEFAULT 180 NOT NULL;