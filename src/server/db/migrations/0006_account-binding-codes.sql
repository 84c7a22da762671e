CREATE TABLE "binding_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"issued_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone_sealed" text NOT NULL,
	"phone_masked" text NOT NULL,
	"region_code" text NOT NULL,
	"purpose" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "binding_codes_subject_idx" ON "binding_codes" USING btree ("kind","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_region_created_idx" ON "sms_outbox" USING btree ("region_code","created_at");