// Arranging a browser test's records through the API, as the staff who would make them: dates
// relative to today and a POST that must succeed.
import { expect } from 'vitest';
import { buildIdNumber, createPerson, type Auth } from '../../src/server/testing/factories.js';
import type { TestApp } from '../../src/server/testing/testApp.js';
import { shanghaiToday } from '../../src/web/format.js';

/** The `day` of the month `n` months before this one (Asia/Shanghai), 'YYYY-MM-DD'. */
export function monthsBack(n: number, day = 10): string {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A request of the arrangement that must answer `status` (201 unless said): its JSON body. */
export async function sendAs<T = { id: string }>(
  t: TestApp,
  headers: Record<string, string>,
  url: string,
  payload: object,
  { status = 201, method = 'POST' }: { status?: number; method?: 'POST' | 'PUT' | 'PATCH' } = {},
): Promise<T> {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/**
 * A woman of 50 (4050, AID-1) of the community, registered unemployed four months back, recognised
 * by `reviewer` three months back and placed by `clerk` since the 1st of last month on a new
 * public-welfare post of the community (AID-4): the subject of a post subsidy for last month.
 */
export async function placed4050Worker(
  t: TestApp,
  opts: {
    clerk: Auth;
    reviewer: Auth;
    community: string;
    name: string;
    birthDate: string;
    post: string;
  },
): Promise<{ personId: string; postId: string }> {
  const person = await createPerson(t, opts.clerk, {
    idNumber: buildIdNumber({ birthDate: opts.birthDate, sex: 'F' }),
    name: opts.name,
    regionCode: opts.community,
    unemployedSince: monthsBack(4),
  });
  await sendAs(t, opts.reviewer, `/persons/${person.id}/categories`, {
    category: 'person_4050',
    evidence: '身份证、失业登记',
    recognisedOn: monthsBack(3),
  });
  const post = await sendAs(t, opts.clerk, '/assistance/posts', {
    name: opts.post,
    sponsor: '师范街社区居民委员会',
    postType: 'community_service',
    regionCode: opts.community,
    places: 2,
    startDate: monthsBack(3, 1),
    endDate: `${Number(shanghaiToday().slice(0, 4)) + 1}-12-31`,
  });
  await sendAs(t, opts.clerk, `/assistance/posts/${post.id}/placements`, { personId: person.id, startDate: monthsBack(1, 1) });
  return { personId: person.id, postId: post.id };
}
