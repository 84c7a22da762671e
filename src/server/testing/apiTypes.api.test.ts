import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralOutcomeNames } from '../../shared/labels.js';
import { matchFactors } from '../modules/matching/index.js';
import { vacancyStatuses } from '../modules/vacancies/index.js';
import { apiTypesFile, apiTypesOf } from './apiTypes.js';
import { createTestApp, type TestApp } from './testApp.js';

describe('SYS-4 one source of truth for the API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it("SYS-4 the web's API types are the served document's (run `npm run api-types` after changing a schema)", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const expected = await apiTypesOf(res.json());
    const checkedIn = fs.readFileSync(apiTypesFile, 'utf8');
    // One assertion on equality; a diff of 6,000 lines would bury the hint.
    expect(checkedIn === expected, 'src/web/openapi.gen.ts is stale: run `npm run api-types`').toBe(true);
  });

  it('SYS-4 enumerated response fields reach the web as unions (match factors, referral outcomes, vacancy statuses)', () => {
    const source = fs.readFileSync(apiTypesFile, 'utf8');
    const union = (values: readonly string[]) => values.map((v) => `"${v}"`).join(' | ');
    expect(source).toContain(`factor: ${union(matchFactors)};`);
    expect(source).toContain(`outcome: ${union(Object.keys(referralOutcomeNames))} | null;`);
    expect(source).toContain(`status: ${union(vacancyStatuses)};`);
  });
});
