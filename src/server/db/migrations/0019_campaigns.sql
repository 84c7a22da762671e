CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"target_groups" text[] NOT NULL,
	"targets" jsonb NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_period_ck" CHECK ("campaigns"."end_date" >= "campaigns"."start_date")
);
--> statement-breakpoint
CREATE INDEX "campaigns_region_idx" ON "campaigns" USING btree ("region_code" varchar_pattern_ops,"start_date");--> statement-breakpoint
-- Campaigns are bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "campaigns" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "campaigns" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "campaigns_in_scope" ON "campaigns" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "campaigns_read_anywhere" ON "campaigns" FOR SELECT TO openpes_anywhere USING (true);
