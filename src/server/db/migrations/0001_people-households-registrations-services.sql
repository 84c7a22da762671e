CREATE TABLE "certificate_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"certificate_no" text NOT NULL,
	"action" text NOT NULL,
	"date" date NOT NULL,
	"reason" text,
	"created_by" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "household_members_household_id_person_id_pk" PRIMARY KEY("household_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" text,
	"household_type" text NOT NULL,
	"zero_employment" boolean DEFAULT false NOT NULL,
	"zero_employment_since" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number_sealed" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_converted_from_15" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"sex" varchar(1) NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text,
	"education" text,
	"household_type" text NOT NULL,
	"address" text,
	"region_code" varchar(12) NOT NULL,
	"phone_sealed" text,
	"phone_index" text,
	"phone_masked" text,
	"labour_capacity" text NOT NULL,
	"disability" text,
	"skills" text[] NOT NULL,
	"occupation" text,
	"job_wishes" jsonb,
	"categories" text[] NOT NULL,
	"retiree" boolean DEFAULT false NOT NULL,
	"graduation_year" integer,
	"school" text,
	"employment_status" text NOT NULL,
	"status_since" date,
	"job_seeking" boolean DEFAULT false NOT NULL,
	"certificate_no" text,
	"certificate_status" text,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"details" jsonb NOT NULL,
	"corrects_event_id" uuid,
	"certificate_no" text,
	"created_by" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"date" date NOT NULL,
	"staff_id" uuid,
	"staff_name" text NOT NULL,
	"unit_id" uuid,
	"region_code" varchar(12) NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zero_employment_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"detected_on" date NOT NULL,
	"deadline" date NOT NULL,
	"resolved_on" date,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zero_employment_cases" ADD CONSTRAINT "zero_employment_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_events_person_idx" ON "certificate_events" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_person_uq" ON "household_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "households_region_idx" ON "households" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_uq" ON "persons" USING btree ("id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_certificate_uq" ON "persons" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "persons_region_idx" ON "persons" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "persons" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name");--> statement-breakpoint
CREATE INDEX "registration_events_person_idx" ON "registration_events" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "registration_events_region_type_idx" ON "registration_events" USING btree ("region_code" varchar_pattern_ops,"type","date");--> statement-breakpoint
CREATE INDEX "service_records_person_idx" ON "service_records" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "service_records_region_date_idx" ON "service_records" USING btree ("region_code" varchar_pattern_ops,"date");--> statement-breakpoint
CREATE INDEX "zero_employment_cases_region_idx" ON "zero_employment_cases" USING btree ("region_code" varchar_pattern_ops,"deadline");--> statement-breakpoint
CREATE INDEX "zero_employment_cases_household_idx" ON "zero_employment_cases" USING btree ("household_id");