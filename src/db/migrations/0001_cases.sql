CREATE TABLE "policies" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"action" text,
	"from_status" text,
	"to_status" text,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"rule" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_messages_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"return_item_id" uuid,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text,
	"purpose" text NOT NULL,
	"uploaded_by_kind" text NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "exchanges" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"return_item_id" uuid,
	"variant_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"price_difference_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchanges_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "exchanges_quantity_positive" CHECK ("exchanges"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "return_cases" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rma_number" text NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" uuid,
	"type" text NOT NULL,
	"refund_only_kind" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"refund_method" text NOT NULL,
	"return_method" text NOT NULL,
	"fault" text NOT NULL,
	"return_shipping_payer" text NOT NULL,
	"policy_id" uuid NOT NULL,
	"policy_version" integer NOT NULL,
	"risk_score" integer NOT NULL,
	"risk_reasons" jsonb NOT NULL,
	"needs_review" boolean DEFAULT false NOT NULL,
	"breakdown" jsonb NOT NULL,
	"amount_override_minor" bigint,
	"return_shipping_claim_minor" bigint DEFAULT 0 NOT NULL,
	"offer_from" text,
	"offer_amount_minor" bigint,
	"resolution" text,
	"refunded_early" boolean DEFAULT false NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"refund_failure" text,
	"rejection_reason" text,
	"rejection_code" text,
	"buyer_note" text,
	"created_by_kind" text NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "return_cases_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "return_cases_amounts_non_negative" CHECK ("return_cases"."refunded_minor" >= 0 and coalesce("return_cases"."amount_override_minor", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "return_items" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"reason_code" text NOT NULL,
	"condition" text NOT NULL,
	"buyer_note" text,
	"received_quantity" integer,
	"accepted_quantity" integer,
	"defective_quantity" integer,
	"grade" text,
	"disposition" text,
	"inspection_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_items_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "return_items_quantities" CHECK ("return_items"."quantity" > 0 and coalesce("return_items"."accepted_quantity", 0) >= 0 and coalesce("return_items"."received_quantity", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "return_shipments" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text NOT NULL,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_shipments_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "rma_counters" (
	"shop_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "rma_counters_shop_id_day_pk" PRIMARY KEY("shop_id","day")
);
--> statement-breakpoint
CREATE TABLE "inventory_movements" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"case_id" uuid,
	"return_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_movements_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "refund_lines" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"refund_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "refund_lines_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "refund_lines_non_negative" CHECK ("refund_lines"."quantity" >= 0 and "refund_lines"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"shipping_minor" bigint NOT NULL,
	"compensation_minor" bigint NOT NULL,
	"bonus_minor" bigint DEFAULT 0 NOT NULL,
	"method" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text,
	"idempotency_key" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "refunds_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "refunds_amounts_non_negative" CHECK ("refunds"."amount_minor" >= 0 and "refunds"."shipping_minor" >= 0 and "refunds"."compensation_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "simulated_payouts" (
	"shop_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"provider_ref" text NOT NULL,
	"calls" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "simulated_payouts_shop_id_idempotency_key_pk" PRIMARY KEY("shop_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "store_credit_ledger" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"refund_id" uuid,
	"case_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_credit_ledger_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
DROP INDEX "customers_email_key";--> statement-breakpoint
DROP INDEX "customers_phone_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_shop_id_created_by_staff_users_shop_id_id_fk" FOREIGN KEY ("shop_id","created_by") REFERENCES "public"."staff_users"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_shop_id_order_id_orders_shop_id_id_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."orders"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_shop_id_customer_id_customers_shop_id_id_fk" FOREIGN KEY ("shop_id","customer_id") REFERENCES "public"."customers"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_shop_id_policy_id_policies_shop_id_id_fk" FOREIGN KEY ("shop_id","policy_id") REFERENCES "public"."policies"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_items" ADD CONSTRAINT "return_items_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_items" ADD CONSTRAINT "return_items_shop_id_order_line_id_order_lines_shop_id_id_fk" FOREIGN KEY ("shop_id","order_line_id") REFERENCES "public"."order_lines"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD CONSTRAINT "return_shipments_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_movements" ADD CONSTRAINT "inventory_movements_shop_id_variant_id_variants_shop_id_id_fk" FOREIGN KEY ("shop_id","variant_id") REFERENCES "public"."variants"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_lines" ADD CONSTRAINT "refund_lines_shop_id_refund_id_refunds_shop_id_id_fk" FOREIGN KEY ("shop_id","refund_id") REFERENCES "public"."refunds"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_lines" ADD CONSTRAINT "refund_lines_shop_id_order_line_id_order_lines_shop_id_id_fk" FOREIGN KEY ("shop_id","order_line_id") REFERENCES "public"."order_lines"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_shop_id_order_id_orders_shop_id_id_fk" FOREIGN KEY ("shop_id","order_id") REFERENCES "public"."orders"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_ledger" ADD CONSTRAINT "store_credit_ledger_shop_id_customer_id_customers_shop_id_id_fk" FOREIGN KEY ("shop_id","customer_id") REFERENCES "public"."customers"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_version_key" ON "policies" USING btree ("shop_id","version");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("shop_id","case_id","created_at","id");--> statement-breakpoint
CREATE INDEX "case_messages_case_idx" ON "case_messages" USING btree ("shop_id","case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_case_hash_key" ON "evidence" USING btree ("shop_id","case_id","sha256");--> statement-breakpoint
CREATE INDEX "exchanges_case_idx" ON "exchanges" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_cases_rma_key" ON "return_cases" USING btree ("shop_id","rma_number");--> statement-breakpoint
CREATE INDEX "return_cases_order_idx" ON "return_cases" USING btree ("shop_id","order_id");--> statement-breakpoint
CREATE INDEX "return_cases_customer_idx" ON "return_cases" USING btree ("shop_id","customer_id");--> statement-breakpoint
CREATE INDEX "return_cases_status_idx" ON "return_cases" USING btree ("shop_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_cases_created_idx" ON "return_cases" USING btree ("shop_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "return_items_case_idx" ON "return_items" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "return_items_line_idx" ON "return_items" USING btree ("shop_id","order_line_id");--> statement-breakpoint
CREATE INDEX "return_shipments_tracking_idx" ON "return_shipments" USING btree ("shop_id","tracking_number");--> statement-breakpoint
CREATE INDEX "return_shipments_case_idx" ON "return_shipments" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "inventory_movements_variant_idx" ON "inventory_movements" USING btree ("shop_id","variant_id");--> statement-breakpoint
CREATE INDEX "refund_lines_refund_idx" ON "refund_lines" USING btree ("shop_id","refund_id");--> statement-breakpoint
CREATE INDEX "refund_lines_line_idx" ON "refund_lines" USING btree ("shop_id","order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_idempotency_key" ON "refunds" USING btree ("shop_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("shop_id","order_id");--> statement-breakpoint
CREATE INDEX "refunds_case_idx" ON "refunds" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "refunds" USING btree ("status","next_attempt_at") WHERE "refunds"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "store_credit_customer_idx" ON "store_credit_ledger" USING btree ("shop_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_credit_refund_reason_key" ON "store_credit_ledger" USING btree ("shop_id","refund_id","reason");--> statement-breakpoint
CREATE INDEX "customers_email_idx" ON "customers" USING btree ("shop_id","email") WHERE "customers"."email" is not null;--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("shop_id","phone") WHERE "customers"."phone" is not null;