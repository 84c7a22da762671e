CREATE TABLE "policy_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"sources" jsonb NOT NULL,
	"status" text NOT NULL,
	"unit_id" uuid,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"contributors" text[] NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"published_on" date,
	"published_at" timestamp with time zone,
	"withdrawn_by" text,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"search" "tsvector" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "policy_notices_region_idx" ON "policy_notices" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "policy_notices_public_idx" ON "policy_notices" USING btree ("published_at") WHERE "policy_notices"."status" = 'published';--> statement-breakpoint
CREATE INDEX "policy_notices_search_idx" ON "policy_notices" USING gin ("search") WHERE "policy_notices"."status" = 'published';