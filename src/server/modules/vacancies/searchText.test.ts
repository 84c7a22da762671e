import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchCondition, searchQuery, searchTokens } from './searchText.js';

/**
 * What the vacancies' SQL answers for a query (repo.ts searchConditions): every lexeme among the
 * tokens (the GIN index), and every phrase in the texts joined by spaces (the LIKE re-check).
 */
function matches(texts: string[], q: string): boolean {
  const { allTerms, phrases } = searchCondition(searchQuery(q)!);
  const tokens = new Set(searchTokens(...texts));
  const haystack = texts.join(' ');
  return allTerms.split(' & ').every((t) => tokens.has(t.slice(1, -1))) && phrases.every((p) => haystack.includes(p));
}

describe('JOB-7 Chinese search tokens', () => {
  it('JOB-7 indexes Han characters and their bigrams, and Latin words lower-cased', () => {
    expect(searchTokens('招聘电焊工', 'CAD 制图')).toEqual(
      expect.arrayContaining(['招', '招聘', '聘电', '电焊', '焊工', '工', 'cad', '制图']),
    );
  });

  it('JOB-7 a one-character query looks up the character, two characters their bigram, longer runs a phrase of bigrams', () => {
    expect(searchQuery('焊')).toBe("'焊'");
    expect(searchQuery('焊工')).toBe("'焊工'");
    expect(searchQuery('叉车司机')).toBe("('叉车' <-> '车司' <-> '司机')");
    expect(searchQuery('电焊工 小店')).toBe("('电焊' <-> '焊工') & '小店'");
    expect(searchQuery('Java开发')).toBe("'开发' & 'java'");
  });

  it('JOB-7 a phrase is all its bigrams for the index and the run itself for the re-check', () => {
    expect(searchCondition("('叉车' <-> '车司' <-> '司机')")).toEqual({ allTerms: "'叉车' & '车司' & '司机'", phrases: ['叉车司机'] });
    expect(searchCondition("('电焊' <-> '焊工') & '小店' & 'cad'")).toEqual({
      allTerms: "'电焊' & '焊工' & '小店' & 'cad'",
      phrases: ['电焊工'],
    });
    expect(searchCondition("'焊'")).toEqual({ allTerms: "'焊'", phrases: [] });
    expect(searchCondition(searchQuery('哈哈哈哈')!)).toEqual({ allTerms: "'哈哈'", phrases: ['哈哈哈哈'] });
    expect(() => searchCondition("'a' | 'b'")).toThrow();
  });

  it('JOB-7 punctuation and quotes never reach the tsquery; a long query is cut at 40 lexemes', () => {
    expect(searchQuery("'; DROP TABLE vacancies; --")).toBe("'drop' & 'table' & 'vacancies'");
    expect(searchQuery('！？')).toBeNull();
    expect(searchQuery('叉车司机'.repeat(10) + ' abc xyz')!.match(/'/g)!.length / 2).toBe(40);
  });

  it('JOB-7 a phrase keeps its characters adjacent: 叉车司机 finds 叉车司机, not 叉车 … 货车司机', () => {
    expect(matches(['招聘叉车司机', '持证上岗'], '叉车司机')).toBe(true);
    expect(matches(['招聘叉车、货车司机各一名'], '叉车司机')).toBe(false);
    expect(matches(['叉车', '货车司机'], '叉车司机')).toBe(false);
    expect(matches(['仓管员', '物流公司', '叉车司机'], '叉车司机')).toBe(true);
    expect(matches(['叉车 司机'], '叉车 司机')).toBe(true);
  });

  it('JOB-7 a Han query matches texts exactly when one run of them contains it, and the index never drops a match (property)', () => {
    const hanText = fc.array(fc.constantFrom('叉', '车', '司', '机', '货', '，'), { maxLength: 24 }).map((cs) => cs.join(''));
    const hanQuery = fc.array(fc.constantFrom('叉', '车', '司', '机', '货'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(hanText, { minLength: 1, maxLength: 3 }), hanQuery, (texts, q) => {
        const contained = texts.some((t) => t.split('，').some((run) => run.includes(q)));
        expect(matches(texts, q)).toBe(contained);
        if (contained) {
          const tokens = new Set(searchTokens(...texts));
          for (const t of searchCondition(searchQuery(q)!).allTerms.split(' & ')) expect(tokens.has(t.slice(1, -1))).toBe(true);
        }
      }),
    );
  });
});
