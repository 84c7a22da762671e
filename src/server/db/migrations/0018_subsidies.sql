CREATE TABLE "subsidies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"period" varchar(7) NOT NULL,
	"person_id" uuid,
	"employer_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"beneficiary_key" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"declared" jsonb NOT NULL,
	"budget_line" text NOT NULL,
	"applied_by" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "subsidies_status_ck" CHECK ("subsidies"."status" IN ('applied', 'approved', 'rejected', 'paid')),
	CONSTRAINT "subsidies_amount_ck" CHECK ("subsidies"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "subsidy_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"subsidy_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"amount_fen" integer NOT NULL,
	"budget_line" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period" varchar(7) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "subsidies" ADD CONSTRAINT "subsidies_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_run_id_subsidy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_subsidy_id_subsidies_id_fk" FOREIGN KEY ("subsidy_id") REFERENCES "public"."subsidies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subsidies_once_uq" ON "subsidies" USING btree ("type","beneficiary_key","period") WHERE "subsidies"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "subsidies_region_idx" ON "subsidies" USING btree ("region_code" varchar_pattern_ops,"period");--> statement-breakpoint
CREATE INDEX "subsidies_person_idx" ON "subsidies" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_payments_once_uq" ON "subsidy_payments" USING btree ("subsidy_id");--> statement-breakpoint
CREATE INDEX "subsidy_payments_run_idx" ON "subsidy_payments" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "subsidy_runs_region_idx" ON "subsidy_runs" USING btree ("region_code" varchar_pattern_ops,"period");--> statement-breakpoint
-- Subsidies, runs and payments are bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "subsidies" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subsidies" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "subsidies_in_scope" ON "subsidies" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "subsidies_read_anywhere" ON "subsidies" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "subsidy_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subsidy_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "subsidy_runs_in_scope" ON "subsidy_runs" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "subsidy_runs_read_anywhere" ON "subsidy_runs" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "subsidy_payments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subsidy_payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "subsidy_payments_in_scope" ON "subsidy_payments" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "subsidy_payments_read_anywhere" ON "subsidy_payments" FOR SELECT TO openpes_anywhere USING (true);
