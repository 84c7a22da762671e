CREATE TABLE "ui_claim_caseworkers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	"assigned_on" date NOT NULL,
	"ended_on" date,
	"assigned_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ui_deferral_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"signed_on" date NOT NULL,
	"entitlement_months" integer NOT NULL,
	"paid_months" integer NOT NULL,
	"kept_months" integer NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ui_deferral_agreements_months_ck" CHECK ("ui_deferral_agreements"."kept_months" >= 0 AND "ui_deferral_agreements"."paid_months" >= 0)
);
--> statement-breakpoint
ALTER TABLE "ui_claims" ADD COLUMN "caseworker_id" uuid;--> statement-breakpoint
ALTER TABLE "ui_claims" ADD COLUMN "caseworker_name" text;--> statement-breakpoint
ALTER TABLE "ui_claim_caseworkers" ADD CONSTRAINT "ui_claim_caseworkers_claim_id_ui_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."ui_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_deferral_agreements" ADD CONSTRAINT "ui_deferral_agreements_claim_id_ui_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."ui_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ui_deferral_agreements" ADD CONSTRAINT "ui_deferral_agreements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ui_claim_caseworkers_claim_idx" ON "ui_claim_caseworkers" USING btree ("claim_id","assigned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ui_claim_caseworkers_one_current_uq" ON "ui_claim_caseworkers" USING btree ("claim_id") WHERE "ui_claim_caseworkers"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "ui_claim_caseworkers_region_idx" ON "ui_claim_caseworkers" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ui_deferral_agreements_claim_uq" ON "ui_deferral_agreements" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "ui_deferral_agreements_region_idx" ON "ui_deferral_agreements" USING btree ("region_code" varchar_pattern_ops,"signed_on");--> statement-breakpoint
CREATE INDEX "ui_claims_caseworker_idx" ON "ui_claims" USING btree ("caseworker_id");
--> statement-breakpoint
ALTER TABLE "ui_claim_caseworkers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_claim_caseworkers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_claim_caseworkers_in_scope" ON "ui_claim_caseworkers" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_claim_caseworkers_read_anywhere" ON "ui_claim_caseworkers" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_deferral_agreements" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_deferral_agreements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_deferral_agreements_in_scope" ON "ui_deferral_agreements" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_deferral_agreements_read_anywhere" ON "ui_deferral_agreements" FOR SELECT TO openpes_anywhere USING (true);
