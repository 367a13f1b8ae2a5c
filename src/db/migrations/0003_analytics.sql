CREATE TABLE "analytics_alert_state" (
	"shop_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"level" text NOT NULL,
	"rate_bp" integer,
	"projected_bp" integer,
	"alerted_level" text DEFAULT 'ok' NOT NULL,
	"alerted_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_alert_state_shop_id_metric_pk" PRIMARY KEY("shop_id","metric")
);
--> statement-breakpoint
CREATE TABLE "analytics_customer_months" (
	"shop_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"channel" text NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"sold_units" bigint DEFAULT 0 NOT NULL,
	"sold_value_minor" bigint DEFAULT 0 NOT NULL,
	"returned_units" bigint DEFAULT 0 NOT NULL,
	"returned_value_minor" bigint DEFAULT 0 NOT NULL,
	"cases_requested" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_customer_months_shop_id_customer_id_month_channel_pk" PRIMARY KEY("shop_id","customer_id","month","channel")
);
--> statement-breakpoint
CREATE TABLE "analytics_customer_totals" (
	"shop_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"sold_units" bigint DEFAULT 0 NOT NULL,
	"sold_value_minor" bigint DEFAULT 0 NOT NULL,
	"returned_units" bigint DEFAULT 0 NOT NULL,
	"returned_value_minor" bigint DEFAULT 0 NOT NULL,
	"cases_requested" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_customer_totals_shop_id_customer_id_pk" PRIMARY KEY("shop_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_deltas" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "analytics_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"shop_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"level" smallint NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"variant_id" uuid NOT NULL,
	"bucket" date NOT NULL,
	"seconds" integer DEFAULT -1 NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"sold_lines" bigint DEFAULT 0 NOT NULL,
	"sold_units" bigint DEFAULT 0 NOT NULL,
	"sold_value_minor" bigint DEFAULT 0 NOT NULL,
	"returned_units" bigint DEFAULT 0 NOT NULL,
	"returned_value_minor" bigint DEFAULT 0 NOT NULL,
	"pending_return_units" bigint DEFAULT 0 NOT NULL,
	"paid_orders" bigint DEFAULT 0 NOT NULL,
	"cases_requested" bigint DEFAULT 0 NOT NULL,
	"units_requested" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refunded_units" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"shipping_reimbursed_minor" bigint DEFAULT 0 NOT NULL,
	"store_credit_bonus_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_cases" bigint DEFAULT 0 NOT NULL,
	"quality_refunded_cases" bigint DEFAULT 0 NOT NULL,
	"refund_seconds" bigint DEFAULT 0 NOT NULL,
	"completed_cases" bigint DEFAULT 0 NOT NULL,
	"restocking_fees_minor" bigint DEFAULT 0 NOT NULL,
	"written_off_units" bigint DEFAULT 0 NOT NULL,
	"written_off_value_minor" bigint DEFAULT 0 NOT NULL,
	"deadlines_due" bigint DEFAULT 0 NOT NULL,
	"deadlines_met" bigint DEFAULT 0 NOT NULL,
	"decisions_system" bigint DEFAULT 0 NOT NULL,
	"decisions_staff" bigint DEFAULT 0 NOT NULL,
	"decisions_platform" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_deltas_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "analytics_models" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"model" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"data_from" timestamp with time zone,
	"data_to" timestamp with time zone,
	"split_at" timestamp with time zone,
	"training_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_models_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "analytics_order_state" (
	"shop_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"sold" boolean NOT NULL,
	"counts_value" boolean NOT NULL,
	"channel" text NOT NULL,
	"customer_id" uuid,
	"placed_day" date NOT NULL,
	"paid_day" date,
	CONSTRAINT "analytics_order_state_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_refund_times" (
	"shop_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"level" smallint NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"variant_id" uuid NOT NULL,
	"bucket" date NOT NULL,
	"seconds" integer NOT NULL,
	"cases" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_refund_times_shop_id_grain_level_channel_reason_variant_id_bucket_seconds_pk" PRIMARY KEY("shop_id","grain","level","channel","reason","variant_id","bucket","seconds")
);
--> statement-breakpoint
CREATE TABLE "analytics_rollups" (
	"shop_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"level" smallint NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"variant_id" uuid NOT NULL,
	"bucket" date NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"sold_lines" bigint DEFAULT 0 NOT NULL,
	"sold_units" bigint DEFAULT 0 NOT NULL,
	"sold_value_minor" bigint DEFAULT 0 NOT NULL,
	"returned_units" bigint DEFAULT 0 NOT NULL,
	"returned_value_minor" bigint DEFAULT 0 NOT NULL,
	"pending_return_units" bigint DEFAULT 0 NOT NULL,
	"paid_orders" bigint DEFAULT 0 NOT NULL,
	"cases_requested" bigint DEFAULT 0 NOT NULL,
	"units_requested" bigint DEFAULT 0 NOT NULL,
	"refunds" bigint DEFAULT 0 NOT NULL,
	"refunded_units" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"shipping_reimbursed_minor" bigint DEFAULT 0 NOT NULL,
	"store_credit_bonus_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_cases" bigint DEFAULT 0 NOT NULL,
	"quality_refunded_cases" bigint DEFAULT 0 NOT NULL,
	"refund_seconds" bigint DEFAULT 0 NOT NULL,
	"completed_cases" bigint DEFAULT 0 NOT NULL,
	"restocking_fees_minor" bigint DEFAULT 0 NOT NULL,
	"written_off_units" bigint DEFAULT 0 NOT NULL,
	"written_off_value_minor" bigint DEFAULT 0 NOT NULL,
	"deadlines_due" bigint DEFAULT 0 NOT NULL,
	"deadlines_met" bigint DEFAULT 0 NOT NULL,
	"decisions_system" bigint DEFAULT 0 NOT NULL,
	"decisions_staff" bigint DEFAULT 0 NOT NULL,
	"decisions_platform" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_rollups_shop_id_grain_level_channel_reason_variant_id_bucket_pk" PRIMARY KEY("shop_id","grain","level","channel","reason","variant_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics_shops" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"timezone" text NOT NULL,
	"currency" text NOT NULL,
	"needs_rebuild" boolean DEFAULT false NOT NULL,
	"rebuilt_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_sku_predictions" (
	"shop_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	"lines" integer NOT NULL,
	"predicted_rate" double precision NOT NULL,
	"observed_rate" double precision,
	CONSTRAINT "analytics_sku_predictions_shop_id_model_id_variant_id_pk" PRIMARY KEY("shop_id","model_id","variant_id")
);
--> statement-breakpoint
CREATE INDEX "analytics_customer_months_month_idx" ON "analytics_customer_months" USING btree ("shop_id","month");--> statement-breakpoint
CREATE INDEX "analytics_customer_totals_returned_idx" ON "analytics_customer_totals" USING btree ("shop_id","returned_units" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "analytics_deltas_key_idx" ON "analytics_deltas" USING btree ("shop_id","grain","level","channel","reason","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_models_version_key" ON "analytics_models" USING btree ("shop_id","kind","version");--> statement-breakpoint
CREATE INDEX "analytics_rollups_period_idx" ON "analytics_rollups" USING btree ("shop_id","grain","level","channel","reason","bucket");--> statement-breakpoint
CREATE INDEX "analytics_sku_predictions_rank_idx" ON "analytics_sku_predictions" USING btree ("shop_id","model_id","predicted_rate" DESC NULLS LAST);