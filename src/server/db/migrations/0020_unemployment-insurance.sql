CREATE TABLE "ui_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"separation_date" date NOT NULL,
	"separation_reason" text NOT NULL,
	"status" text NOT NULL,
	"contribution_months" integer NOT NULL,
	"counted_through" varchar(7) NOT NULL,
	"earlier_claim_id" uuid,
	"carried_months" integer NOT NULL,
	"entitlement_months" integer NOT NULL,
	"monthly_amount_fen" integer NOT NULL,
	"start_month" varchar(7) NOT NULL,
	"reasons" jsonb NOT NULL,
	"taken_by" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"stopped_on" date,
	"stop_reason" text,
	CONSTRAINT "ui_claims_status_ck" CHECK ("ui_claims"."status" IN ('pending', 'active', 'stopped', 'exhausted', 'rejected')),
	CONSTRAINT "ui_claims_months_ck" CHECK ("ui_claims"."entitlement_months" > 0 AND "ui_claims"."contribution_months" >= 0 AND "ui_claims"."carried_months" >= 0),
	CONSTRAINT "ui_claims_amount_ck" CHECK ("ui_claims"."monthly_amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "ui_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"base_fen" integer NOT NULL,
	"paid_fen" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ui_contributions_amounts_ck" CHECK ("ui_contributions"."base_fen" >= 0 AND "ui_contributions"."paid_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ui_claims" ADD CONSTRAINT "ui_claims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_contributions" ADD CONSTRAINT "ui_contributions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_contributions" ADD CONSTRAINT "ui_contributions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ui_claims_one_open_uq" ON "ui_claims" USING btree ("person_id") WHERE "ui_claims"."status" IN ('pending', 'active');--> statement-breakpoint
CREATE INDEX "ui_claims_person_idx" ON "ui_claims" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "ui_claims_region_idx" ON "ui_claims" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "ui_contributions_once_uq" ON "ui_contributions" USING btree ("person_id","employer_id","month");--> statement-breakpoint
CREATE INDEX "ui_contributions_person_idx" ON "ui_contributions" USING btree ("person_id","month");--> statement-breakpoint
CREATE INDEX "ui_contributions_region_idx" ON "ui_contributions" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Contributions and claims are bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "ui_contributions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_contributions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_contributions_in_scope" ON "ui_contributions" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_contributions_read_anywhere" ON "ui_contributions" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_claims" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_claims" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_claims_in_scope" ON "ui_claims" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_claims_read_anywhere" ON "ui_claims" FOR SELECT TO openpes_anywhere USING (true);
