CREATE TABLE "zero_employment_case_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"due_on" date,
	"taken_on" date,
	"note" text NOT NULL,
	"outcome" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "zero_employment_case_measures_kind_ck" CHECK ("zero_employment_case_measures"."kind" IN ('home_visit', 'policy_consultation', 'vocational_guidance', 'vacancy_referral', 'training', 'public_welfare_post', 'self_employment_support', 'other')),
	CONSTRAINT "zero_employment_case_measures_date_ck" CHECK ("zero_employment_case_measures"."due_on" IS NOT NULL OR "zero_employment_case_measures"."taken_on" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "zero_employment_cases" ADD COLUMN "resolution_evidence" text;--> statement-breakpoint
ALTER TABLE "zero_employment_cases" ADD COLUMN "caseworker_id" uuid;--> statement-breakpoint
ALTER TABLE "zero_employment_case_measures" ADD CONSTRAINT "zero_employment_case_measures_case_id_zero_employment_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."zero_employment_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zero_employment_case_measures" ADD CONSTRAINT "zero_employment_case_measures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zero_employment_case_measures_case_idx" ON "zero_employment_case_measures" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "zero_employment_cases" ADD CONSTRAINT "zero_employment_cases_caseworker_id_staff_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zero_employment_cases_caseworker_idx" ON "zero_employment_cases" USING btree ("caseworker_id");--> statement-breakpoint
-- The case's plan and measures are bound to the scope like the cases (0008).
ALTER TABLE "zero_employment_case_measures" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "zero_employment_case_measures" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "zero_employment_case_measures_in_scope" ON "zero_employment_case_measures" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
-- Resolutions now name the form of the employment that ended the case; those recorded before said only that a member was employed.
UPDATE "zero_employment_cases" SET "resolution" = 'employment' WHERE "resolution" = 'member_employed';
