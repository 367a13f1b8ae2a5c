CREATE TABLE "marketplace_cases" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"external_id" text NOT NULL,
	"order_external_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"platform_status" text NOT NULL,
	"platform_type" text NOT NULL,
	"platform_modified_at" timestamp with time zone NOT NULL,
	"platform_deadline_at" timestamp with time zone,
	"synced_status" text NOT NULL,
	"handle" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"push_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketplace_cases_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "marketplace_cases" ADD CONSTRAINT "marketplace_cases_shop_id_case_id_return_cases_shop_id_id_fk" FOREIGN KEY ("shop_id","case_id") REFERENCES "public"."return_cases"("shop_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_cases_record_key" ON "marketplace_cases" USING btree ("shop_id","connection_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "marketplace_cases_case_key" ON "marketplace_cases" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "marketplace_cases_connection_idx" ON "marketplace_cases" USING btree ("shop_id","connection_id");