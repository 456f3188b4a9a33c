-- Custom SQL migration file, put your code below! --
-- Queues made before per-queue alerts keep the wallboard alert they had: a caller waiting
-- longer than the queue's service-level threshold. Admins can change or clear it per queue.
UPDATE "queues" SET "alert_longest_wait_sec" = "service_level_sec" WHERE "alert_longest_wait_sec" IS NULL;
