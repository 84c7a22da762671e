// Pure rules of policy notices (JOB-8).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixLengthByLevel } from '../../../shared/region.js';
import { coveringRegionCodes, fieldProblems, mayReview, reviewReadinessProblems, type NoticeFields } from './rules.js';

const lengths = Object.values(prefixLengthByLevel);
const notice = (over: Partial<NoticeFields> = {}): NoticeFields => ({
  title: '失业保险金申领须知',
  body: '年龄<35岁的高校毕业生也可以申领。',
  category: 'subsidy',
  validFrom: null,
  validUntil: null,
  sources: [],
  ...over,
});

describe('JOB-8 notice rules', () => {
  it('JOB-8 a district area is covered by its province and city notices', () => {
    expect(coveringRegionCodes('140105', lengths)).toEqual(['140000000000', '140100000000']);
    expect(coveringRegionCodes('14', lengths)).toEqual([]);
  });

  it('JOB-8 every covering code lies above the area: a strict prefix of it, never inside it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,12}$/), (prefix) => {
        const codes = coveringRegionCodes(prefix, lengths);
        for (const code of codes) expect(lengths.some((l) => l < prefix.length && code === prefix.slice(0, l).padEnd(12, '0'))).toBe(true);
        expect(codes).toHaveLength(lengths.filter((l) => l < prefix.length).length);
      }),
    );
  });

  it('JOB-8 "<35岁" is text, "<p>" is markup', () => {
    expect(fieldProblems(notice(), '2026-11-23')).toEqual([]);
    expect(fieldProblems(notice({ body: '<p>正文</p>' }), '2026-11-23')).toEqual([expect.objectContaining({ code: 'HTML_NOT_ALLOWED' })]);
  });

  it('JOB-8 a policy or subsidy notice needs a source; recruitment and training do not', () => {
    expect(reviewReadinessProblems(notice())[0]?.code).toBe('SOURCE_REQUIRED');
    expect(reviewReadinessProblems(notice({ category: 'employment_policy' }))[0]?.code).toBe('SOURCE_REQUIRED');
    expect(reviewReadinessProblems(notice({ category: 'recruitment' }))).toEqual([]);
    expect(reviewReadinessProblems(notice({ category: 'training' }))).toEqual([]);
  });

  it('JOB-8 four eyes: a contributor may never review, anyone else may', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), { minLength: 1, maxLength: 5 }),
        fc.stringMatching(/^[a-z]{3,8}$/),
        (writers, reviewer) => {
          expect(mayReview(writers, reviewer)).toBe(!writers.includes(reviewer));
        },
      ),
    );
  });
});
