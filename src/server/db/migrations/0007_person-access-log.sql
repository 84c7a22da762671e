CREATE TABLE "person_access_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"actor_id" uuid,
	"actor_username" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text,
	"action" text NOT NULL,
	"rows" integer,
	"request_id" text
);
--> statement-breakpoint
CREATE INDEX "person_access_log_person_at_idx" ON "person_access_log" USING btree ("person_id","at");