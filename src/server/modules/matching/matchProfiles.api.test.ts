// JOB-4: the match profiles (seeker_match_profiles, seeker_match_lookup, vacancy_match_profiles)
// stay in step with persons and vacancies through every write that changes what they derive from,
// in the same transaction, and the migration that created them builds the same rows from the rows
// already stored. "In step" is checked whole: every profile equals the one shared/matchProfiles.ts
// builds from the person's or vacancy's row as it is now, and none is missing or left over.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isSeeker, seekerLookupKeys, seekerMatchColumns, vacancyMatchColumns } from '../../../shared/matchProfiles.js';
import {
  approveVacancy,
  createDistrictPair,
  createEmployer,
  createPublishedVacancy,
  createStaffMember,
  createVacancy,
  createWelderSeeker,
  type Auth,
} from '../../testing/factories.js';
import { storedPersons, storedVacancies } from '../../testing/storedProfiles.js';
import { createTestApp, queryRows, type TestApp } from '../../testing/testApp.js';
import { insertImportedPersons, rebuildSeekerMatchProfiles } from '../persons/index.js';
import { keepMatchProfilesCurrent } from '../../bootstrap.js';

let t: TestApp;
let officer: Auth;
let reviewer: Auth;
const now = new Date('2026-11-23T04:00:00Z');
const today = '2026-11-23';

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  officer = (await createDistrictPair(t)).home.auth;
  reviewer = (await createStaffMember(t, { regionCode: '140100000000', roles: ['reviewer'] })).auth;
});
afterAll(() => t?.close());

const send = async (method: 'POST' | 'PATCH', url: string, payload: unknown, auth = officer) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: auth, payload: payload as object });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as Record<string, unknown>;
};

const sorted = (list: string[]) => [...list].sort();

/** The profiles as shared/matchProfiles.ts builds them from the persons and vacancies stored now. */
async function expectedProfiles() {
  const seekers = (await storedPersons(t.handle.db, today))
    .filter((p) => isSeeker(p))
    .map((p) => ({
      id: p.id,
      ...seekerMatchColumns(p.profile),
      statusSince: p.statusSince,
      lookupKeys: sorted(seekerLookupKeys(p.profile)),
    }));
  const published = (await storedVacancies(t.handle.db, sql`status = 'published'`)).map((v) => {
    const columns = vacancyMatchColumns(v.profile);
    return {
      id: v.id,
      ...columns,
      lookupKeys: sorted(columns.lookupKeys),
      validUntil: v.validUntil,
      headcount: v.headcount,
      filled: v.filled,
      publishedAt: v.publishedAt,
    };
  });
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return { seekers: seekers.sort(byId), vacancies: published.sort(byId) };
}

/** The profiles as stored. */
async function storedProfiles() {
  const seekers = await queryRows<Record<string, unknown>>(
    t.handle.db,
    sql`SELECT p.person_id AS id, p.region_code AS "regionCode", p.occupations, p.occupation_groups AS "occupationGroups", p.skills,
               p.wage_min_fen AS "wageMinFen", p.education_rank AS "educationRank", p.hours, p.wished_prefixes AS "wishedPrefixes",
               p.priority, to_char(p.status_since, 'YYYY-MM-DD') AS "statusSince", l.lookup_keys AS "lookupKeys", l.region_code AS "lookupRegion"
        FROM seeker_match_profiles p FULL JOIN seeker_match_lookup l ON l.person_id = p.person_id ORDER BY p.person_id`,
  );
  const vacancies = await queryRows<Record<string, unknown>>(
    t.handle.db,
    sql`SELECT vacancy_id AS id, region_code AS "regionCode", lookup_keys AS "lookupKeys", occupation, occupation_group AS "occupationGroup",
               skills, wage_max AS "wageMax", education_rank AS "educationRank", hours, to_char(valid_until, 'YYYY-MM-DD') AS "validUntil",
               headcount, filled, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "publishedAt"
        FROM vacancy_match_profiles ORDER BY vacancy_id`,
  );
  for (const s of seekers) {
    expect(s.lookupRegion, 'a seeker has both a profile and lookup keys').toBe(s.regionCode);
    delete s.lookupRegion;
    s.lookupKeys = sorted(s.lookupKeys as string[]);
  }
  for (const v of vacancies) v.lookupKeys = sorted(v.lookupKeys as string[]);
  return { seekers, vacancies };
}

async function expectInStep() {
  const [expected, stored] = await Promise.all([expectedProfiles(), storedProfiles()]);
  expect(stored.seekers).toEqual(expected.seekers);
  expect(stored.vacancies).toEqual(expected.vacancies);
  return expected;
}

describe('JOB-4 match profiles in step with persons and vacancies', () => {
  it('JOB-4 registering, editing, recognising and registering work for a person keep the seeker profile in step (and drop it once employed)', async () => {
    const person = (await createWelderSeeker(t, officer, {
      categories: ['4050人员'],
      jobWishes: { occupations: ['6-18-02-04'], keywords: ['氩弧焊'], wageMinFen: 450000, regionCodes: ['140106000000'], hours: '全日制' },
    })) as { id: string };
    let expected = await expectInStep();
    // A free-text category no longer gives priority: an active hard-to-employ recognition does (AID-1).
    expect(expected.seekers.find((s) => s.id === person.id)).toMatchObject({
      priority: false,
      wishedPrefixes: ['140106'],
      hours: '全日制',
    });
    const recognition = await send(
      'POST',
      `/persons/${person.id}/categories`,
      { category: 'extreme_hardship', evidence: '街道特困审核表', overrideReason: '经社区、街道审核确认' },
      reviewer,
    );
    expected = await expectInStep();
    expect(expected.seekers.find((s) => s.id === person.id)).toMatchObject({ priority: true });
    await send('POST', `/assistance/recognitions/${recognition.id as string}/revoke`, { reason: '复核撤销' }, reviewer);
    expected = await expectInStep();
    expect(expected.seekers.find((s) => s.id === person.id)).toMatchObject({ priority: false });
    await send(
      'POST',
      `/persons/${person.id}/categories`,
      { category: 'extreme_hardship', evidence: '重新审核', overrideReason: '重新认定' },
      reviewer,
    );
    expect((await expectInStep()).seekers.find((s) => s.id === person.id)).toMatchObject({ priority: true });

    await send('PATCH', `/persons/${person.id}`, { skills: ['焊工', '电工'], education: '大专', jobWishes: { hours: '不限' } });
    expected = await expectInStep();
    expect(expected.seekers.find((s) => s.id === person.id)).toMatchObject({ skills: ['焊接', '电工'], educationRank: 2, hours: null });

    await send('POST', `/persons/${person.id}/registrations`, { type: 'employment', date: '2026-11-20', employerName: '太原重工' });
    expected = await expectInStep();
    expect(expected.seekers.find((s) => s.id === person.id)).toBeUndefined();
  });

  it('JOB-4 a ledger import writes the profiles of the seekers it adds', async () => {
    const base = { idNumberSealed: 'x', idNumberMasked: 'x', name: '导入', sex: 'M', birthDate: '1980-01-01', householdType: 'urban' };
    await insertImportedPersons(t.systemCtx, [
      {
        ...base,
        id: crypto.randomUUID(),
        idNumberIndex: 'in-step-1',
        regionCode: '140105001001',
        labourCapacity: 'full',
        skills: ['保安'],
        matchKeys: ['s:保安'],
        categories: ['就业困难人员'],
        employmentStatus: 'unemployed',
        statusSince: '2026-10-01',
        createdAt: now,
        updatedAt: now,
      },
      {
        ...base,
        id: crypto.randomUUID(),
        idNumberIndex: 'in-step-2',
        regionCode: '140105001001',
        labourCapacity: 'full',
        skills: ['电工'],
        matchKeys: ['s:电工'],
        categories: [],
        employmentStatus: 'employed',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await expectInStep();
  });

  it('JOB-4 publishing, editing, closing a vacancy keep its profile in step: there while published, gone otherwise', async () => {
    const employer = await createEmployer(t, officer);
    const pending = await createVacancy(t, officer, employer.id, { education: '高中', skills: ['焊工', '焊工'] });
    let expected = await expectInStep();
    expect(expected.vacancies.find((v) => v.id === pending.id)).toBeUndefined();

    expect((await approveVacancy(t, reviewer, pending.id)).statusCode).toBe(200);
    expected = await expectInStep();
    expect(expected.vacancies.find((v) => v.id === pending.id)).toMatchObject({ educationRank: 3, skills: ['焊接'] });

    const published = await createPublishedVacancy(t, officer, reviewer, employer.id);
    await send('PATCH', `/vacancies/${published.id}`, { wageMax: 900000 });
    expected = await expectInStep();
    expect(expected.vacancies.find((v) => v.id === published.id)).toBeUndefined(); // back to review

    await send('POST', `/vacancies/${pending.id}/close`, { reason: '已招满' });
    expected = await expectInStep();
    expect(expected.vacancies.find((v) => v.id === pending.id)).toBeUndefined();
  });

  it('JOB-4 the migration builds the profiles from stored rows, and the rebuild at start brings them to the vocabulary', async () => {
    const before = await storedProfiles();
    expect(before.seekers.length).toBeGreaterThan(0);
    expect(before.vacancies.length).toBeGreaterThan(0);
    const migrations = path.resolve(import.meta.dirname, '../../db/migrations');
    // Found by name, not number: migrations are renumbered when branches meet.
    const file = fs.readdirSync(migrations).find((f) => f.endsWith('_match-profiles.sql'));
    const migration = fs.readFileSync(path.join(migrations, file!), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*(--.*\n)*/g, '').trim())
      .filter((s) => s.startsWith('INSERT INTO'));
    expect(backfill).toHaveLength(3);
    // The recognitions migration (AID-1) then sets the priority from active recognitions.
    const recognitions = fs.readFileSync(
      path.join(
        migrations,
        fs.readdirSync(migrations).find((f) => f.endsWith('_recognitions.sql'))!,
      ),
      'utf8',
    );
    const priority = recognitions
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^\s*(--.*\n)*/g, '').trim())
      .filter((s) => s.startsWith('UPDATE "seeker_match_profiles"'));
    expect(priority).toHaveLength(1);
    await t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM seeker_match_lookup`);
      await tx.execute(sql`DELETE FROM seeker_match_profiles`);
      await tx.execute(sql`DELETE FROM vacancy_match_profiles`);
      for (const statement of [...backfill, ...priority]) await tx.execute(sql.raw(statement));
    });
    // The migration predates the skills vocabulary: it stored the words as written (焊工, not 焊接).
    const migrated = await storedProfiles();
    expect(migrated.seekers.map((s) => s.id)).toEqual(before.seekers.map((s) => s.id));
    expect(migrated.vacancies.map((v) => v.id)).toEqual(before.vacancies.map((v) => v.id));
    expect(migrated.vacancies.flatMap((v) => v.skills as string[])).toContain('焊工');
    // The next start sees profiles of no known version and rebuilds them all, in step with the code.
    await t.handle.db.execute(sql`DELETE FROM settings WHERE key = 'matching.profile_version'`);
    await keepMatchProfilesCurrent(t.systemCtx);
    expect(await storedProfiles()).toEqual(before);
    await expectInStep();
  });

  it('JOB-4 the rebuild runs once per vocabulary version and in chunks: a start with the same version changes nothing', async () => {
    await t.handle.db.execute(sql`UPDATE seeker_match_profiles SET skills = '{}'`);
    await keepMatchProfilesCurrent(t.systemCtx); // same version: the profiles are taken as they are
    const kept = await storedProfiles();
    expect(kept.seekers.every((s) => (s.skills as string[]).length === 0)).toBe(true);
    expect(await rebuildSeekerMatchProfiles(t.systemCtx, 1)).toBeGreaterThan(1); // one person per transaction
    await expectInStep();
  });
});
