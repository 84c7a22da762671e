CREATE TABLE "caseworker_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"caseworker_id" uuid NOT NULL,
	"caseworker_name" text NOT NULL,
	"assigned_on" date NOT NULL,
	"ended_on" date,
	"reason" text,
	"assigned_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employment_plan_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "caseworker_assignments" ADD CONSTRAINT "caseworker_assignments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseworker_assignments" ADD CONSTRAINT "caseworker_assignments_caseworker_id_staff_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_plan_steps" ADD CONSTRAINT "employment_plan_steps_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "caseworker_assignments_current_uq" ON "caseworker_assignments" USING btree ("person_id") WHERE "caseworker_assignments"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "caseworker_assignments_caseworker_idx" ON "caseworker_assignments" USING btree ("caseworker_id");--> statement-breakpoint
CREATE INDEX "caseworker_assignments_region_idx" ON "caseworker_assignments" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "employment_plan_steps_person_idx" ON "employment_plan_steps" USING btree ("person_id","due_on");--> statement-breakpoint
CREATE INDEX "employment_plan_steps_region_idx" ON "employment_plan_steps" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Caseworker assignments and plan steps are bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "caseworker_assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "caseworker_assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "caseworker_assignments_in_scope" ON "caseworker_assignments" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "caseworker_assignments_read_anywhere" ON "caseworker_assignments" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "employment_plan_steps" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "employment_plan_steps" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "employment_plan_steps_in_scope" ON "employment_plan_steps" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "employment_plan_steps_read_anywhere" ON "employment_plan_steps" FOR SELECT TO openpes_anywhere USING (true);
