-- Jurisdiction backstop for policy notices (JOB-8), as for every table with a region code in 0008:
-- a staff context sees and writes only notices of its scope; the public board reads published
-- notices through the whole-country handle.
ALTER TABLE "policy_notices" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "policy_notices" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "policy_notices_in_scope" ON "policy_notices" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
