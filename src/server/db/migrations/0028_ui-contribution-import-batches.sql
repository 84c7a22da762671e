CREATE TABLE "ui_contribution_import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"file_sha256" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"touched_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"discarded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ui_contributions" ADD COLUMN "import_batch" uuid;--> statement-breakpoint
CREATE INDEX "ui_contribution_import_batches_pending_idx" ON "ui_contribution_import_batches" USING btree ("touched_at") WHERE "ui_contribution_import_batches"."applied_at" IS NULL;--> statement-breakpoint
ALTER TABLE "ui_contributions" ADD CONSTRAINT "ui_contributions_import_batch_ui_contribution_import_batches_id_fk" FOREIGN KEY ("import_batch") REFERENCES "public"."ui_contribution_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ui_contributions_import_batch_idx" ON "ui_contributions" USING btree ("import_batch");--> statement-breakpoint
ALTER TABLE "ui_contribution_import_batches" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_contribution_import_batches" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_contribution_import_batches_read" ON "ui_contribution_import_batches" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY "ui_contribution_import_batches_in_scope" ON "ui_contribution_import_batches" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_contribution_import_batches_read_anywhere" ON "ui_contribution_import_batches" FOR SELECT TO openpes_anywhere USING (true);
