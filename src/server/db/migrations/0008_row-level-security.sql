-- Database backstop of jurisdiction (issue 10; docs/architecture.md "Database backstop").
-- Every table with a region code admits only the rows whose code lies in the scope the
-- application set for the connection (setting openpes.scope, see src/server/db/rowSecurity.ts):
-- '*' is the whole country, a string of 1 to 12 digits a region-code prefix, and anything else,
-- unset or '' included, nothing. FORCE binds the tables' owner too; superusers are never bound,
-- so the application connects as a role of its own (docs/operations.md).
CREATE FUNCTION openpes_in_scope(region text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN current_setting('openpes.scope', true) = '*' THEN true
    WHEN current_setting('openpes.scope', true) ~ '^[0-9]{1,12}$' THEN starts_with(region, current_setting('openpes.scope', true))
    ELSE false
  END
$$;
--> statement-breakpoint
ALTER TABLE "employers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "employers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "employers_in_scope" ON "employers" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "employer_filings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "employer_filings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "employer_filings_in_scope" ON "employer_filings" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "job_fairs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "job_fairs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "job_fairs_in_scope" ON "job_fairs" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "households" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "households" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "households_in_scope" ON "households" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "zero_employment_cases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "zero_employment_cases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "zero_employment_cases_in_scope" ON "zero_employment_cases" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "persons" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "persons" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "persons_in_scope" ON "persons" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "referrals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "referrals_in_scope" ON "referrals" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "registration_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "registration_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "registration_events_in_scope" ON "registration_events" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "service_records" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "service_records" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "service_records_in_scope" ON "service_records" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "staff" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "staff" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "staff_in_scope" ON "staff" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "units" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "units" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "units_in_scope" ON "units" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "vacancies" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vacancies" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "vacancies_in_scope" ON "vacancies" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "vacancy_surveys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vacancy_surveys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "vacancy_surveys_in_scope" ON "vacancy_surveys" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
-- The audit trail: read in scope (rows without a region only by the whole country); every actor
-- appends the record of what it did, whatever the region; no policy lets a row be changed or removed.
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_read_in_scope" ON "audit_log" FOR SELECT USING (openpes_in_scope(region_code));
--> statement-breakpoint
CREATE POLICY "audit_log_append" ON "audit_log" FOR INSERT WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "binding_codes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "binding_codes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "binding_codes_in_scope" ON "binding_codes" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "sms_outbox" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sms_outbox" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "sms_outbox_in_scope" ON "sms_outbox" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "person_access_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "person_access_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "person_access_log_in_scope" ON "person_access_log" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
