CREATE TABLE "public_welfare_placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"post_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"exited_on" date,
	"exit_reason" text,
	"priority_override" text,
	"registration_event_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_welfare_placements_term_ck" CHECK ("public_welfare_placements"."end_date" >= "public_welfare_placements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "public_welfare_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sponsor" text NOT NULL,
	"post_type" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"places" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "public_welfare_posts_places_ck" CHECK ("public_welfare_posts"."places" > 0),
	CONSTRAINT "public_welfare_posts_type_ck" CHECK ("public_welfare_posts"."post_type" IN ('community_service', 'public_administration', 'labour_security_assistant', 'other')),
	CONSTRAINT "public_welfare_posts_term_ck" CHECK ("public_welfare_posts"."end_date" >= "public_welfare_posts"."start_date")
);
--> statement-breakpoint
ALTER TABLE "public_welfare_placements" ADD CONSTRAINT "public_welfare_placements_post_id_public_welfare_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."public_welfare_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_welfare_placements" ADD CONSTRAINT "public_welfare_placements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_welfare_placements" ADD CONSTRAINT "public_welfare_placements_registration_event_id_registration_events_id_fk" FOREIGN KEY ("registration_event_id") REFERENCES "public"."registration_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_welfare_placements_post_idx" ON "public_welfare_placements" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "public_welfare_placements_person_idx" ON "public_welfare_placements" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_welfare_placements_one_active_uq" ON "public_welfare_placements" USING btree ("person_id") WHERE "public_welfare_placements"."exited_on" IS NULL;--> statement-breakpoint
CREATE INDEX "public_welfare_posts_region_idx" ON "public_welfare_posts" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Posts and placements are bound to the scope like every region-coded table (0008).
ALTER TABLE "public_welfare_posts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public_welfare_posts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "public_welfare_posts_in_scope" ON "public_welfare_posts" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "public_welfare_placements" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public_welfare_placements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "public_welfare_placements_in_scope" ON "public_welfare_placements" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
