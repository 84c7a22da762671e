CREATE TABLE "hard_to_employ_recognitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"category" text NOT NULL,
	"recognised_on" date NOT NULL,
	"valid_until" date,
	"evidence" text NOT NULL,
	"override_reason" text,
	"recognised_by" text NOT NULL,
	"recognised_by_name" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_on" date,
	"revoked_reason" text,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "hard_to_employ_recognitions" ADD CONSTRAINT "hard_to_employ_recognitions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hard_to_employ_recognitions_active_uq" ON "hard_to_employ_recognitions" USING btree ("person_id","category") WHERE "hard_to_employ_recognitions"."revoked_on" IS NULL;--> statement-breakpoint
CREATE INDEX "hard_to_employ_recognitions_person_idx" ON "hard_to_employ_recognitions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "hard_to_employ_recognitions_region_idx" ON "hard_to_employ_recognitions" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
-- Jurisdiction backstop, as for every table with a region code (0008).
ALTER TABLE "hard_to_employ_recognitions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "hard_to_employ_recognitions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "hard_to_employ_recognitions_in_scope" ON "hard_to_employ_recognitions" USING (openpes_in_scope(region_code)) WITH CHECK (openpes_in_scope(region_code));
--> statement-breakpoint
-- Today's free-text persons.categories become recognitions (AID-1): the known names of each
-- category, recognised on the day the person entered the ledger. 高校毕业生 is a hard-to-employ
-- category only while registered unemployed. Names not listed here (就业困难人员 without a
-- category) stay text only.
INSERT INTO "hard_to_employ_recognitions"
  ("id", "person_id", "region_code", "category", "recognised_on", "evidence", "recognised_by", "recognised_by_name", "unit_id", "created_at")
SELECT gen_random_uuid(), m.person_id, m.region_code, m.category, m.recognised_on, '迁移自人员类别：' || m.names, 'system', '系统（数据迁移）', m.unit_id, now()
FROM (
  SELECT p.id AS person_id, p.region_code, p.unit_id, map.category,
         (p.created_at AT TIME ZONE 'Asia/Shanghai')::date AS recognised_on,
         string_agg(DISTINCT c.name, '、') AS names
  FROM "persons" p
  CROSS JOIN LATERAL unnest(p.categories) AS c(name)
  JOIN (VALUES
    ('4050人员', 'person_4050'), ('4050', 'person_4050'), ('“4050”人员', 'person_4050'),
    ('零就业家庭成员', 'zero_employment_household'), ('零就业家庭', 'zero_employment_household'),
    ('残疾人', 'disabled'), ('残疾人员', 'disabled'),
    ('低保', 'minimum_living_allowance'), ('低保人员', 'minimum_living_allowance'), ('低保户', 'minimum_living_allowance'),
    ('最低生活保障对象', 'minimum_living_allowance'),
    ('失地农民', 'land_lost_farmer'), ('被征地农民', 'land_lost_farmer'),
    ('长期失业', 'long_term_unemployed'), ('长期失业人员', 'long_term_unemployed'),
    ('特困', 'extreme_hardship'), ('特困群体', 'extreme_hardship'), ('特困人员', 'extreme_hardship'),
    ('高校毕业生', 'graduate_unemployed')
  ) AS map(name, category) ON map.name = btrim(c.name)
  WHERE map.category <> 'graduate_unemployed' OR p.employment_status = 'unemployed'
  GROUP BY p.id, p.region_code, p.unit_id, map.category, p.created_at
) m;
--> statement-breakpoint
-- Matching's priority now reads active recognitions (persons' match profile).
UPDATE "seeker_match_profiles" s SET "priority" = EXISTS (
  SELECT 1 FROM "hard_to_employ_recognitions" r WHERE r.person_id = s.person_id AND r.revoked_on IS NULL
);
--> statement-breakpoint
-- Whole-country plain reads run as openpes_anywhere (0016): its read policy, as on every row-secured table.
CREATE POLICY "hard_to_employ_recognitions_read_anywhere" ON "hard_to_employ_recognitions" FOR SELECT TO openpes_anywhere USING (true);
