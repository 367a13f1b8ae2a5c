CREATE TABLE "return_groups" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"customer_id" uuid,
	"case_count" integer NOT NULL,
	"created_by_kind" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "return_groups_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "return_cases" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "return_groups" ADD CONSTRAINT "return_groups_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_groups" ADD CONSTRAINT "return_groups_shop_id_customer_id_customers_shop_id_id_fk" FOREIGN KEY ("shop_id","customer_id") REFERENCES "public"."customers"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_groups_code_key" ON "return_groups" USING btree ("shop_id","code");--> statement-breakpoint
CREATE INDEX "return_groups_customer_idx" ON "return_groups" USING btree ("shop_id","customer_id");--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_shop_id_group_id_return_groups_shop_id_id_fk" FOREIGN KEY ("shop_id","group_id") REFERENCES "public"."return_groups"("shop_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_cases_group_idx" ON "return_cases" USING btree ("shop_id","group_id") WHERE "return_cases"."group_id" is not null;