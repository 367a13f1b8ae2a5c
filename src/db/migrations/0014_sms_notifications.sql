CREATE TABLE "notification_opt_outs" (
	"shop_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_opt_outs_shop_id_channel_address_pk" PRIMARY KEY("shop_id","channel","address")
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"shop_id" uuid NOT NULL,
	"step" text NOT NULL,
	"locale" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"template_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_templates_shop_id_step_locale_channel_pk" PRIMARY KEY("shop_id","step","locale","channel")
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"shop_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"outbox_id" uuid,
	"case_id" uuid,
	"step" text NOT NULL,
	"dedup_key" text NOT NULL,
	"locale" text NOT NULL,
	"to_phone" text NOT NULL,
	"body" text NOT NULL,
	"template_code" text,
	"template_params" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transport" text,
	"connection_id" uuid,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_messages_shop_id_id_pk" PRIMARY KEY("shop_id","id")
);
--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_dedup_key" ON "sms_messages" USING btree ("shop_id","case_id","dedup_key");--> statement-breakpoint
CREATE INDEX "sms_messages_due_idx" ON "sms_messages" USING btree ("next_attempt_at") WHERE "sms_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sms_messages_case_idx" ON "sms_messages" USING btree ("shop_id","case_id");--> statement-breakpoint
CREATE INDEX "sms_messages_sent_idx" ON "sms_messages" USING btree ("shop_id","sent_at");--> statement-breakpoint
CREATE INDEX "sms_messages_provider_idx" ON "sms_messages" USING btree ("connection_id","provider_message_id");