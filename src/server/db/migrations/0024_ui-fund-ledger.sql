CREATE TABLE "ui_fund_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transfer_id" uuid NOT NULL,
	"account" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ui_fund_entries_amount_ck" CHECK ("ui_fund_entries"."amount_fen" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ui_fund_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"month" varchar(7) NOT NULL,
	"kind" text NOT NULL,
	"debit_account" text NOT NULL,
	"credit_account" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"reverses_id" uuid,
	"memo" text NOT NULL,
	"status" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "ui_fund_transfers_amount_ck" CHECK ("ui_fund_transfers"."amount_fen" > 0),
	CONSTRAINT "ui_fund_transfers_accounts_ck" CHECK ("ui_fund_transfers"."debit_account" <> "ui_fund_transfers"."credit_account"),
	CONSTRAINT "ui_fund_transfers_status_ck" CHECK ("ui_fund_transfers"."status" IN ('requested', 'posted')),
	CONSTRAINT "ui_fund_transfers_reversal_ck" CHECK (("ui_fund_transfers"."kind" = 'reversal') = ("ui_fund_transfers"."reverses_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "ui_fund_entries" ADD CONSTRAINT "ui_fund_entries_transfer_id_ui_fund_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ui_fund_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ui_fund_entries_side_uq" ON "ui_fund_entries" USING btree ("transfer_id","account");--> statement-breakpoint
CREATE INDEX "ui_fund_entries_region_idx" ON "ui_fund_entries" USING btree ("region_code" varchar_pattern_ops,"account","month");--> statement-breakpoint
CREATE UNIQUE INDEX "ui_fund_transfers_source_uq" ON "ui_fund_transfers" USING btree ("source_type","source_id","kind","region_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "ui_fund_transfers_reverses_uq" ON "ui_fund_transfers" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "ui_fund_transfers_region_idx" ON "ui_fund_transfers" USING btree ("region_code" varchar_pattern_ops,"month");--> statement-breakpoint
-- The fund ledger is bound to the scope like every region-coded table (0008), with the whole-country read policy (0016).
ALTER TABLE "ui_fund_transfers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_fund_transfers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_fund_transfers_in_scope" ON "ui_fund_transfers" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_fund_transfers_read_anywhere" ON "ui_fund_transfers" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
ALTER TABLE "ui_fund_entries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ui_fund_entries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ui_fund_entries_in_scope" ON "ui_fund_entries" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "ui_fund_entries_read_anywhere" ON "ui_fund_entries" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
-- Entries are written once and never changed or removed (UI-5): a correction is a reversing transfer.
CREATE FUNCTION ui_fund_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '基金台账分录不能修改或删除，更正请做冲正（ui_fund_entries is append-only: %）', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ui_fund_entries_append_only BEFORE UPDATE OR DELETE ON "ui_fund_entries" FOR EACH ROW EXECUTE FUNCTION ui_fund_entries_append_only();
--> statement-breakpoint
CREATE TRIGGER ui_fund_entries_no_truncate BEFORE TRUNCATE ON "ui_fund_entries" FOR EACH STATEMENT EXECUTE FUNCTION ui_fund_entries_append_only();
--> statement-breakpoint
-- A transfer is never removed, and its only change is its posting: requested to posted, with who approved it and when.
CREATE FUNCTION ui_fund_transfers_post_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'requested' AND NEW.status = 'posted'
     AND NEW.approved_by IS NOT NULL AND NEW.approved_at IS NOT NULL
     AND (NEW.id, NEW.region_code, NEW.month, NEW.kind, NEW.debit_account, NEW.credit_account, NEW.amount_fen, NEW.source_type,
          NEW.source_id, NEW.reverses_id, NEW.memo, NEW.created_by, NEW.created_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.region_code, OLD.month, OLD.kind, OLD.debit_account, OLD.credit_account, OLD.amount_fen, OLD.source_type,
          OLD.source_id, OLD.reverses_id, OLD.memo, OLD.created_by, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '基金划转只能由待复核改为已入账，不能修改或删除（ui_fund_transfers: %）', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ui_fund_transfers_post_only BEFORE UPDATE OR DELETE ON "ui_fund_transfers" FOR EACH ROW EXECUTE FUNCTION ui_fund_transfers_post_only();
--> statement-breakpoint
CREATE TRIGGER ui_fund_transfers_no_truncate BEFORE TRUNCATE ON "ui_fund_transfers" FOR EACH STATEMENT EXECUTE FUNCTION ui_fund_transfers_post_only();
