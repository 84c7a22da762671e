CREATE TABLE "certificate_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"certificate_no" text,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"result" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"comment" text NOT NULL,
	"override_reason" text,
	"created_by" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "certificate_reviews_kind_ck" CHECK ("certificate_reviews"."kind" IN ('eligibility', 'yearly_check'))
);
--> statement-breakpoint
CREATE TABLE "policies_enjoyed" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"policy_type" text NOT NULL,
	"date" date NOT NULL,
	"amount_fen" integer,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"unit_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_reviews" ADD CONSTRAINT "certificate_reviews_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies_enjoyed" ADD CONSTRAINT "policies_enjoyed_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificate_reviews_person_idx" ON "certificate_reviews" USING btree ("person_id","kind","date");--> statement-breakpoint
CREATE INDEX "certificate_reviews_region_idx" ON "certificate_reviews" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "policies_enjoyed_once_uq" ON "policies_enjoyed" USING btree ("source_type","source_id","policy_type");--> statement-breakpoint
CREATE INDEX "policies_enjoyed_person_idx" ON "policies_enjoyed" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "policies_enjoyed_region_idx" ON "policies_enjoyed" USING btree ("region_code" varchar_pattern_ops,"date");--> statement-breakpoint
ALTER TABLE "certificate_reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "certificate_reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "certificate_reviews_in_scope" ON "certificate_reviews" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "certificate_reviews_read_anywhere" ON "certificate_reviews" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "policies_enjoyed" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "policies_enjoyed" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "policies_enjoyed_in_scope" ON "policies_enjoyed" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "policies_enjoyed_read_anywhere" ON "policies_enjoyed" FOR SELECT TO openpes_anywhere USING (true);
