ALTER TABLE "analytics_deltas" ADD COLUMN "care_compensation_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_facts" ADD COLUMN "compensation_id" uuid;--> statement-breakpoint
ALTER TABLE "analytics_rollups" ADD COLUMN "care_compensation_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Compensation granted before this migration joins the cube at the worker's next rebuild of its shop.
UPDATE "analytics_shops" SET "needs_rebuild" = true WHERE "shop_id" IN (SELECT DISTINCT "shop_id" FROM "compensations");
