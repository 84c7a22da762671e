CREATE TABLE "seeker_match_lookup" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"lookup_keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_match_profiles" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"occupations" text[] NOT NULL,
	"occupation_groups" text[] NOT NULL,
	"skills" text[] NOT NULL,
	"wage_min_fen" integer,
	"education_rank" smallint NOT NULL,
	"hours" text,
	"wished_prefixes" text[] NOT NULL,
	"priority" boolean NOT NULL,
	"status_since" date
);
--> statement-breakpoint
CREATE TABLE "vacancy_match_profiles" (
	"vacancy_id" uuid PRIMARY KEY NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"lookup_keys" text[] NOT NULL,
	"occupation" text,
	"occupation_group" text,
	"skills" text[] NOT NULL,
	"wage_max" integer NOT NULL,
	"education_rank" smallint NOT NULL,
	"hours" text NOT NULL,
	"valid_until" date NOT NULL,
	"headcount" integer NOT NULL,
	"filled" integer NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "persons_seeker_match_idx";--> statement-breakpoint
DROP INDEX "vacancies_match_idx";--> statement-breakpoint
ALTER TABLE "seeker_match_lookup" ADD CONSTRAINT "seeker_match_lookup_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_match_profiles" ADD CONSTRAINT "seeker_match_profiles_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_match_profiles" ADD CONSTRAINT "vacancy_match_profiles_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seeker_match_lookup_keys_idx" ON "seeker_match_lookup" USING gin ("lookup_keys");--> statement-breakpoint
CREATE INDEX "vacancy_match_profiles_keys_idx" ON "vacancy_match_profiles" USING gin ("lookup_keys");--> statement-breakpoint
-- The profiles of the persons and vacancies already stored, built as shared/matchProfiles.ts
-- builds them (seekerMatchColumns, seekerLookupKeys, vacancyMatchColumns; matchProfiles.api.test.ts
-- runs these statements again and compares). From here on the persons and vacancies repos keep them in step.
-- persons.match_keys and vacancies.match_keys hold matchKeysOf of the same occupations and skills;
-- a lookup key repeated (a region code shorter than 12 digits) does no harm.
INSERT INTO "seeker_match_profiles" ("person_id", "region_code", "occupations", "occupation_groups", "skills", "wage_min_fen", "education_rank", "hours", "wished_prefixes", "priority", "status_since")
SELECT p.id, p.region_code,
  (coalesce(ARRAY(SELECT o FROM jsonb_array_elements_text(p.job_wishes -> 'occupations') WITH ORDINALITY AS e(o, n) ORDER BY n), '{}') || CASE WHEN coalesce(p.occupation, '') = '' THEN '{}'::text[] ELSE ARRAY[p.occupation] END),
  ARRAY(SELECT substring(o FROM '^[0-9]-[0-9]{2}-[0-9]{2}') FROM unnest((coalesce(ARRAY(SELECT o FROM jsonb_array_elements_text(p.job_wishes -> 'occupations') WITH ORDINALITY AS e(o, n) ORDER BY n), '{}') || CASE WHEN coalesce(p.occupation, '') = '' THEN '{}'::text[] ELSE ARRAY[p.occupation] END)) WITH ORDINALITY AS e(o, n) WHERE o ~ '^[0-9]-[0-9]{2}-[0-9]{2}' ORDER BY n),
  p.skills || ARRAY(SELECT k FROM jsonb_array_elements_text(p.job_wishes -> 'keywords') WITH ORDINALITY AS e(k, n) ORDER BY n),
  nullif((p.job_wishes ->> 'wageMinFen')::numeric, 0)::integer,
  CASE
    WHEN p.education IS NULL OR p.education = '' THEN -1
    WHEN p.education = '研究生' THEN 0 WHEN p.education = '大学本科' THEN 1 WHEN p.education = '大学专科' THEN 2
    WHEN p.education = '高中/中专/技校' THEN 3 WHEN p.education = '初中' THEN 4 WHEN p.education = '小学及以下' THEN 5
    WHEN p.education ~ '研究生|硕士|博士' THEN 0 WHEN p.education ~ '本科|学士' THEN 1 WHEN p.education ~ '专科|大专|高职' THEN 2
    WHEN p.education ~ '高中|中专|技校|职高|中技' THEN 3 WHEN p.education ~ '初中' THEN 4 WHEN p.education ~ '小学|文盲|半文盲' THEN 5
    ELSE -1
  END,
  CASE WHEN coalesce(p.job_wishes ->> 'hours', '') IN ('', '不限') THEN NULL ELSE p.job_wishes ->> 'hours' END,
  ARRAY(SELECT regexp_replace(r, '0+$', '') FROM jsonb_array_elements_text(p.job_wishes -> 'regionCodes') WITH ORDINALITY AS e(r, n) ORDER BY n),
  p.categories && ARRAY['就业困难人员', '零就业家庭成员', '4050人员', '残疾人', '长期失业人员', '低保人员']::text[],
  p.status_since
FROM "persons" p
WHERE p.job_seeking OR p.employment_status = 'unemployed';
--> statement-breakpoint
INSERT INTO "seeker_match_lookup" ("person_id", "region_code", "lookup_keys")
SELECT p.person_id, p.region_code,
  m.match_keys
    || ARRAY(SELECT k || '@' || left(p.region_code, d) FROM unnest(m.match_keys) AS k, unnest(ARRAY[6]) AS d)
    || ARRAY(SELECT k || '~' || w FROM unnest(m.match_keys) AS k, unnest(p.wished_prefixes) AS w)
FROM "seeker_match_profiles" p JOIN "persons" m ON m.id = p.person_id;
--> statement-breakpoint
INSERT INTO "vacancy_match_profiles" ("vacancy_id", "region_code", "lookup_keys", "occupation", "occupation_group", "skills", "wage_max", "education_rank", "hours", "valid_until", "headcount", "filled", "published_at")
SELECT v.id, v.region_code,
  v.match_keys
    || ARRAY(SELECT k || '@' || left(v.region_code, d) FROM unnest(v.match_keys) AS k, unnest(ARRAY[12, 9, 6]) AS d),
  nullif(v.occupation, ''), substring(nullif(v.occupation, '') FROM '^[0-9]-[0-9]{2}-[0-9]{2}'),
  v.skills, v.wage_max,
  CASE
    WHEN v.education IS NULL OR v.education = '' THEN -1
    WHEN v.education = '研究生' THEN 0 WHEN v.education = '大学本科' THEN 1 WHEN v.education = '大学专科' THEN 2
    WHEN v.education = '高中/中专/技校' THEN 3 WHEN v.education = '初中' THEN 4 WHEN v.education = '小学及以下' THEN 5
    WHEN v.education ~ '研究生|硕士|博士' THEN 0 WHEN v.education ~ '本科|学士' THEN 1 WHEN v.education ~ '专科|大专|高职' THEN 2
    WHEN v.education ~ '高中|中专|技校|职高|中技' THEN 3 WHEN v.education ~ '初中' THEN 4 WHEN v.education ~ '小学|文盲|半文盲' THEN 5
    ELSE -1
  END,
  v.hours, v.valid_until, v.headcount, v.filled, v.published_at
FROM "vacancies" v
WHERE v.status = 'published';
--> statement-breakpoint
-- Row-level security as on every table with a region code (0008_row-level-security.sql). The
-- seekers' profiles are read and written in scope only. The published vacancies' profiles and the
-- seekers' lookup keys are read whatever the scope: a policy that filters rows keeps PostgreSQL from
-- answering `lookup_keys && ...` from the GIN index (arrayoverlap is not leakproof, so it may not
-- run before the policy's filter), and matching would read every row. Published vacancies are
-- public (the board); the lookup keys hold ids and keys only, and matching joins them to the
-- profiles, whose policy keeps the caller to their scope. Writes stay in scope on all three.
ALTER TABLE "seeker_match_profiles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "seeker_match_profiles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "seeker_match_profiles_in_scope" ON "seeker_match_profiles" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "seeker_match_lookup" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "seeker_match_lookup" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "seeker_match_lookup_read" ON "seeker_match_lookup" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY "seeker_match_lookup_in_scope" ON "seeker_match_lookup" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
ALTER TABLE "vacancy_match_profiles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vacancy_match_profiles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "vacancy_match_profiles_read" ON "vacancy_match_profiles" FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY "vacancy_match_profiles_in_scope" ON "vacancy_match_profiles" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
