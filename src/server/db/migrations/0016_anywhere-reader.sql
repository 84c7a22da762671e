-- The whole country's reads under a role whose read policies admit every row (issue 11;
-- docs/architecture.md "Database backstop", docs/performance.md "Row-level security and GIN").
-- At scope '*' the scoped policy lets every row through, but it is still a row filter, and under a
-- row filter PostgreSQL will not answer an operator that is not leakproof (@@ on a tsvector, && on
-- arrays, LIKE) from a GIN index: the public board's search read every published vacancy. Plain
-- reads at scope '*' therefore run as openpes_anywhere (src/server/db/rowSecurity.ts switches to it
-- with the scope), for which each table below has a read policy USING (true): OR-ed with the scoped
-- policy it folds to true, and the planner sees no filter at all. The role may only read (the
-- server grants it SELECT at start and refuses to run if it may write or owns a table); writes stay
-- under the application's role and the scoped policies. The role logs in never; the application's
-- role is a member that does not inherit it, so only an explicit SET ROLE gives its policies.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'openpes_anywhere') THEN
    CREATE ROLE openpes_anywhere NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  -- Roles are shared by the cluster's databases: another database migrating at the same time may have made it.
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION '无法创建数据库角色 openpes_anywhere：请由数据库管理员执行 CREATE ROLE openpes_anywhere NOLOGIN NOINHERIT（见 docs/operations.md）';
END
$$;
--> statement-breakpoint
CREATE POLICY "employers_read_anywhere" ON "employers" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "employer_filings_read_anywhere" ON "employer_filings" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "job_fairs_read_anywhere" ON "job_fairs" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "households_read_anywhere" ON "households" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "zero_employment_cases_read_anywhere" ON "zero_employment_cases" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "persons_read_anywhere" ON "persons" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "referrals_read_anywhere" ON "referrals" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "registration_events_read_anywhere" ON "registration_events" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "service_records_read_anywhere" ON "service_records" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "staff_read_anywhere" ON "staff" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "units_read_anywhere" ON "units" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "vacancies_read_anywhere" ON "vacancies" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "vacancy_surveys_read_anywhere" ON "vacancy_surveys" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "audit_log_read_anywhere" ON "audit_log" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "binding_codes_read_anywhere" ON "binding_codes" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "sms_outbox_read_anywhere" ON "sms_outbox" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "person_access_log_read_anywhere" ON "person_access_log" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "policy_notices_read_anywhere" ON "policy_notices" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "seeker_match_profiles_read_anywhere" ON "seeker_match_profiles" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "seeker_match_lookup_read_anywhere" ON "seeker_match_lookup" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "vacancy_match_profiles_read_anywhere" ON "vacancy_match_profiles" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "zero_employment_case_measures_read_anywhere" ON "zero_employment_case_measures" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "public_welfare_posts_read_anywhere" ON "public_welfare_posts" FOR SELECT TO openpes_anywhere USING (true);
--> statement-breakpoint
CREATE POLICY "public_welfare_placements_read_anywhere" ON "public_welfare_placements" FOR SELECT TO openpes_anywhere USING (true);
