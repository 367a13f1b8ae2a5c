CREATE TABLE "care_tasks" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"sku" text,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"rule" text NOT NULL,
	"dedup_key" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_tasks_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
CREATE TABLE "compensations" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"customer_id" uuid,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"coupon_code" text,
	"coupon_source" text,
	"expires_at" timestamp with time zone,
	"note" text,
	"rule" text,
	"granted_by_kind" text NOT NULL,
	"granted_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compensations_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "compensations_non_negative" CHECK ("compensations"."amount_minor" >= 0 and "compensations"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coupon_codes" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"value_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"expires_at" timestamp with time zone,
	"compensation_id" uuid,
	"granted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coupon_codes_shop_id_id_pk" PRIMARY KEY("shop_id","id"),
	CONSTRAINT "coupon_codes_value_positive" CHECK ("coupon_codes"."value_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "exchange_first_outcomes" (
	"shop_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"currency" text NOT NULL,
	"kept_minor" bigint NOT NULL,
	"bonus_minor" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_first_outcomes_shop_id_case_id_pk" PRIMARY KEY("shop_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensations" ADD CONSTRAINT "compensations_shop_id_customer_id_customers_shop_id_id_fk" FOREIGN KEY ("shop_id","customer_id") REFERENCES "public"."customers"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupon_codes" ADD CONSTRAINT "coupon_codes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_first_outcomes" ADD CONSTRAINT "exchange_first_outcomes_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_tasks_dedup_key" ON "care_tasks" USING btree ("shop_id","dedup_key");--> statement-breakpoint
CREATE INDEX "care_tasks_open_idx" ON "care_tasks" USING btree ("shop_id","due_at") WHERE "care_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "compensations_case_idx" ON "compensations" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "compensations_customer_idx" ON "compensations" USING btree ("shop_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "compensations_created_idx" ON "compensations" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "compensations_case_rule_key" ON "compensations" USING btree ("shop_id","case_id","rule");--> statement-breakpoint
CREATE UNIQUE INDEX "coupon_codes_code_key" ON "coupon_codes" USING btree ("shop_id","code");--> statement-breakpoint
CREATE INDEX "coupon_codes_free_idx" ON "coupon_codes" USING btree ("shop_id","currency","value_minor","created_at") WHERE "coupon_codes"."compensation_id" is null;--> statement-breakpoint
CREATE INDEX "exchange_first_created_idx" ON "exchange_first_outcomes" USING btree ("shop_id","created_at");