CREATE TABLE "analytics_facts" (
	"shop_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "analytics_facts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"event_id" uuid,
	"refund_id" uuid,
	"cancelled" boolean DEFAULT false NOT NULL,
	"first_refund" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_facts_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE INDEX "analytics_facts_order_idx" ON "analytics_facts" USING btree ("shop_id","order_id");