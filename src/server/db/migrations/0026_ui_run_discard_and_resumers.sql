ALTER TABLE "ui_payment_runs" DROP CONSTRAINT "ui_payment_runs_status_ck";--> statement-breakpoint
ALTER TABLE "ui_payment_runs" ADD COLUMN "resumed_by" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ui_payment_runs" ADD CONSTRAINT "ui_payment_runs_status_ck" CHECK ("ui_payment_runs"."status" IN ('building', 'draft', 'approving', 'approved', 'discarded'));