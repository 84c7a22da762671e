CREATE TABLE "employer_filings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"person_name" text NOT NULL,
	"date" date NOT NULL,
	"contract_end" date,
	"notes" text,
	"region_code" varchar(12) NOT NULL,
	"created_by" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"industry" text,
	"size" text,
	"ownership" text,
	"address" text,
	"contact_name" text,
	"contact_phone" text,
	"description" text,
	"source" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_booths" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fair_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"booth_no" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_fairs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"venue" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"description" text,
	"cancelled" boolean DEFAULT false NOT NULL,
	"attendance" integer,
	"intentions" integer,
	"deals" integer,
	"unit_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"date" date NOT NULL,
	"verification_code" text NOT NULL,
	"outcome" text,
	"outcome_date" date,
	"outcome_note" text,
	"employer_feedback" text,
	"employer_feedback_at" timestamp with time zone,
	"employment_event_id" uuid,
	"staff_id" uuid,
	"staff_name" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_returns" (
	"survey_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"returned_on" date,
	"current_vacancies" integer,
	"next_year_demand" integer,
	"notes" text,
	CONSTRAINT "survey_returns_survey_id_employer_id_pk" PRIMARY KEY("survey_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation" text,
	"headcount" integer NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"wage_min" integer NOT NULL,
	"wage_max" integer NOT NULL,
	"education" text,
	"skills" text[] NOT NULL,
	"hours" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" text,
	"description" text NOT NULL,
	"valid_until" date NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"screening" jsonb NOT NULL,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"fair_id" uuid,
	"survey_id" uuid,
	"match_keys" text[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"unit_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"due_date" date NOT NULL,
	"unit_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_filings" ADD CONSTRAINT "employer_filings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_filings" ADD CONSTRAINT "employer_filings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booths" ADD CONSTRAINT "fair_booths_fair_id_job_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."job_fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_booths" ADD CONSTRAINT "fair_booths_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_returns" ADD CONSTRAINT "survey_returns_survey_id_vacancy_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."vacancy_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_returns" ADD CONSTRAINT "survey_returns_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_fair_id_job_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."job_fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_survey_id_vacancy_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."vacancy_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_filings_employer_idx" ON "employer_filings" USING btree ("employer_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_credit_code_uq" ON "employers" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "employers_region_idx" ON "employers" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "employers_name_idx" ON "employers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "fair_booths_uq" ON "fair_booths" USING btree ("fair_id","employer_id");--> statement-breakpoint
CREATE INDEX "job_fairs_region_date_idx" ON "job_fairs" USING btree ("region_code" varchar_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "job_fairs_date_idx" ON "job_fairs" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_code_uq" ON "referrals" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_person_vacancy_uq" ON "referrals" USING btree ("person_id","vacancy_id");--> statement-breakpoint
CREATE INDEX "referrals_region_date_idx" ON "referrals" USING btree ("region_code" varchar_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "referrals_vacancy_idx" ON "referrals" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "vacancies_region_idx" ON "vacancies" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "vacancies_employer_idx" ON "vacancies" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "vacancies_public_idx" ON "vacancies" USING btree ("published_at") WHERE "vacancies"."status" = 'published';--> statement-breakpoint
CREATE INDEX "vacancies_search_idx" ON "vacancies" USING gin ("search") WHERE "vacancies"."status" = 'published';--> statement-breakpoint
CREATE INDEX "vacancies_match_idx" ON "vacancies" USING gin ("match_keys") WHERE "vacancies"."status" = 'published';--> statement-breakpoint
CREATE INDEX "vacancies_fair_idx" ON "vacancies" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "vacancy_surveys_region_idx" ON "vacancy_surveys" USING btree ("region_code" varchar_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "persons_seeker_match_idx" ON "persons" USING gin ("match_keys") WHERE "persons"."job_seeking" OR "persons"."employment_status" = 'unemployed';--> statement-breakpoint
-- Matching keys of persons already in the ledger: occupation codes (current and wished), their
-- groups (小类, the first three segments) and skills; new writes keep them up to date.
UPDATE "persons" p SET "match_keys" = ARRAY(
  SELECT DISTINCT k FROM (
    SELECT 'o:' || c AS k FROM unnest(array_remove(ARRAY[p.occupation], NULL) || ARRAY(SELECT jsonb_array_elements_text(COALESCE(p.job_wishes -> 'occupations', '[]'::jsonb)))) c
    UNION SELECT 'g:' || substring(c from '^\d-\d{2}-\d{2}') FROM unnest(array_remove(ARRAY[p.occupation], NULL) || ARRAY(SELECT jsonb_array_elements_text(COALESCE(p.job_wishes -> 'occupations', '[]'::jsonb)))) c WHERE c ~ '^\d-\d{2}-\d{2}'
    UNION SELECT 's:' || s FROM unnest(p.skills || ARRAY(SELECT jsonb_array_elements_text(COALESCE(p.job_wishes -> 'keywords', '[]'::jsonb)))) s
  ) x ORDER BY k
) WHERE p.occupation IS NOT NULL OR p.job_wishes IS NOT NULL OR cardinality(p.skills) > 0;
