CREATE TABLE "return_addresses" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"address_zh" text,
	"address_latin" text,
	"postal_code" text,
	"warehouse" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_addresses_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "return_cases" ADD COLUMN "return_address" jsonb;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD COLUMN "stock_after" integer;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD COLUMN "actor_kind" text;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD COLUMN "actor_id" uuid;--> statement-breakpoint
ALTER TABLE "return_addresses" ADD CONSTRAINT "return_addresses_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_addresses_default_key" ON "return_addresses" USING btree ("shop_id") WHERE "return_addresses"."is_default";--> statement-breakpoint
CREATE INDEX "inventory_movements_variant_time_idx" ON "inventory_movements" USING btree ("shop_id","variant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);