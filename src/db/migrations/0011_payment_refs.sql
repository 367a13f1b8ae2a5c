ALTER TABLE "orders" ADD COLUMN "payment_ref" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "connection_id" uuid;--> statement-breakpoint
CREATE INDEX "refunds_connection_ref_idx" ON "refunds" USING btree ("shop_id","connection_id","provider_ref") WHERE "refunds"."connection_id" is not null;