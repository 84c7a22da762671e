CREATE TABLE "ui_claim_refusals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"date" date NOT NULL,
	"offer" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ui_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"since_month" varchar(7) NOT NULL,
	"until_month" varchar(7),
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ui_enrolments_months_ck" CHECK ("ui_enrolments"."until_month" IS NULL OR "ui_enrolments"."until_month" >= "ui_enrolments"."since_month")
);
--> statement-breakpoint
CREATE TABLE "ui_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"result" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_by" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "ui_follow_ups_kind_ck" CHECK ("ui_follow_ups"."kind" IN ('enrol', 'arrears')),
	CONSTRAINT "ui_follow_ups_status_ck" CHECK ("ui_follow_ups"."status" IN ('open', 'done'))
);
--> statement-breakpoint
ALTER TABLE "ui_claim_refusals" ADD CONSTRAINT "ui_claim_refusals_claim_id_ui_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."ui_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_enrolments" ADD CONSTRAINT "ui_enrolments_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_follow_ups" ADD CONSTRAINT "ui_follow_ups_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ui_claim_refusals_claim_idx" ON "ui_claim_refusals" USING btree ("claim_id","date");--> statement-breakpoint
CREATE INDEX "ui_claim_refusals_region_idx" ON "ui_claim_refusals" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ui_enrolments_one_open_uq" ON "ui_enrolments" USING btree ("employer_id") WHERE "ui_enrolments"."until_month" IS NULL;--> statement-breakpoint
CREATE INDEX "ui_enrolments_employer_idx" ON "ui_enrolments" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "ui_enrolments_region_idx" ON "ui_enrolments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "ui_follow_ups_region_idx" ON "ui_follow_ups" USING btree ("region_code" varchar_pattern_ops,"status","due_date");--> statement-breakpoint
CREATE INDEX "ui_follow_ups_employer_idx" ON "ui_follow_ups" USING btree ("employer_id");--> statement-breakpoint
ALTER TABLE "ui_claim_refusals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_claim_refusals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_claim_refusals_in_scope" ON "ui_claim_refusals" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_claim_refusals_read_anywhere" ON "ui_claim_refusals" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_enrolments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_enrolments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_enrolments_in_scope" ON "ui_enrolments" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_enrolments_read_anywhere" ON "ui_enrolments" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_follow_ups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_follow_ups" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_follow_ups_in_scope" ON "ui_follow_ups" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_follow_ups_read_anywhere" ON "ui_follow_ups" FOR SELECT TO openpes_anywhere USING (true);
