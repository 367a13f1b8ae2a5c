ALTER TABLE "return_shipments" ADD COLUMN "next_poll_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "return_shipments_poll_idx" ON "return_shipments" USING btree ("next_poll_at") WHERE "return_shipments"."next_poll_at" is not null;--> statement-breakpoint
-- Parcels already followed before the poller existed: due now, so one whose callbacks went missing catches up.
UPDATE "return_shipments" SET "next_poll_at" = now() WHERE "status" = 'in_transit' AND "connection_id" IS NOT NULL AND "carrier_code" IS NOT NULL;
