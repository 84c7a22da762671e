CREATE TABLE "ui_payment_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"payments" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"claims_seen" integer NOT NULL,
	"claims_total" integer NOT NULL,
	"cursor_claim_id" uuid,
	"finished_at" timestamp with time zone,
	CONSTRAINT "ui_payment_runs_status_ck" CHECK ("ui_payment_runs"."status" IN ('building', 'draft', 'approving', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "ui_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	CONSTRAINT "ui_payments_status_ck" CHECK ("ui_payments"."status" IN ('draft', 'approved', 'paid', 'failed')),
	CONSTRAINT "ui_payments_amount_ck" CHECK ("ui_payments"."amount_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "ui_payments" ADD CONSTRAINT "ui_payments_run_id_ui_payment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."ui_payment_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_payments" ADD CONSTRAINT "ui_payments_claim_id_ui_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."ui_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_payments" ADD CONSTRAINT "ui_payments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ui_payment_runs_one_building_uq" ON "ui_payment_runs" USING btree ("region_code","month") WHERE "ui_payment_runs"."status" = 'building';--> statement-breakpoint
CREATE INDEX "ui_payment_runs_region_idx" ON "ui_payment_runs" USING btree ("region_code" varchar_pattern_ops,"month");--> statement-breakpoint
CREATE UNIQUE INDEX "ui_payments_once_uq" ON "ui_payments" USING btree ("claim_id","month") WHERE "ui_payments"."status" <> 'failed';--> statement-breakpoint
CREATE INDEX "ui_payments_run_idx" ON "ui_payments" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "ui_payments_claim_idx" ON "ui_payments" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "ui_payments_region_idx" ON "ui_payments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Payment runs and payments are bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "ui_payment_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_payment_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_payment_runs_in_scope" ON "ui_payment_runs" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_payment_runs_read_anywhere" ON "ui_payment_runs" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_payments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_payments_in_scope" ON "ui_payments" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_payments_read_anywhere" ON "ui_payments" FOR SELECT TO openpes_anywhere USING (true);
