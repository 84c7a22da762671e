CREATE TABLE "person_import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "import_batch" uuid;--> statement-breakpoint
CREATE INDEX "persons_import_batch_idx" ON "persons" USING btree ("import_batch");