CREATE TABLE "carrier_events" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"effects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_events_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "connection_id" uuid;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "carrier_code" text;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "external_refs" jsonb;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "label_url" text;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "drop_off_code" text;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "pickup" jsonb;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "interception" text;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "tracking_status" text;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "tracking_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD COLUMN "receipt_ready_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics_deltas" ADD COLUMN "insured_refunds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_rollups" ADD COLUMN "insured_refunds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_events" ADD CONSTRAINT "carrier_events_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_events_scan_key" ON "carrier_events" USING btree ("shop_id","shipment_id","occurred_at","code","description");--> statement-breakpoint
CREATE INDEX "carrier_events_case_idx" ON "carrier_events" USING btree ("shop_id","case_id","occurred_at");