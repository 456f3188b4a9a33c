ALTER TABLE "queues" ADD COLUMN "alert_max_waiting" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "alert_longest_wait_sec" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "alert_service_level_pct" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "alert_abandon_rate_pct" integer;