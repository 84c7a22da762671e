import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchCondition, searchQuery, searchTokens } from './searchText.js';

/** Evaluates tsquery text of lexemes, &, | and parentheses (what allTerms holds) against a set of tokens. */
function holds(tsquery: string, tokens: Set<string>): boolean {
  const parts = tsquery.match(/'[^']+'|[&|()]/gu)!;
  let i = 0;
  const primary = (): boolean => {
    const part = parts[i++]!;
    if (part !== '(') return tokens.has(part.slice(1, -1));
    const value = or();
    i++; // ')'
    return value;
  };
  const and = (): boolean => {
    let value = primary();
    while (parts[i] === '&') {
      i++;
      value = primary() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (parts[i] === '|') {
      i++;
      value = and() || value;
    }
    return value;
  };
  return or();
}

/**
 * What the vacancies' SQL answers for a query (searchSql): the index's tsquery over the tokens,
 * every phrase in the texts joined by spaces (the LIKE re-check), and one alternative of each part
 * with synonyms.
 */
function matches(texts: string[], q: string): boolean {
  const { allTerms, phrases, anyOf } = searchCondition(searchQuery(q)!);
  const tokens = new Set(searchTokens(...texts));
  const haystack = texts.join(' ');
  return (
    holds(allTerms, tokens) &&
    phrases.every((p) => haystack.includes(p)) &&
    anyOf.every((group) => group.some((a) => holds(a.terms, tokens) && (!a.phrase || haystack.includes(a.phrase))))
  );
}

describe('JOB-7 Chinese search tokens', () => {
  it('JOB-7 indexes Han characters and their bigrams, and Latin words lower-cased', () => {
    expect(searchTokens('招聘电焊工', 'CAD 制图')).toEqual(
      expect.arrayContaining(['招', '招聘', '聘电', '电焊', '焊工', '工', 'cad', '制图']),
    );
  });

  it('JOB-7 a one-character query looks up the character, two characters their bigram, longer runs a phrase of bigrams', () => {
    expect(searchQuery('焊')).toBe("'焊'");
    expect(searchQuery('招聘')).toBe("'招聘'");
    expect(searchQuery('哈哈哈哈')).toBe("('哈哈' <-> '哈哈' <-> '哈哈')");
    expect(searchQuery('小店 招聘会')).toBe("'小店' & ('招聘' <-> '聘会')");
    expect(searchQuery('Java开发')).toBe("'开发' & 'java'");
  });

  it('JOB-7 a phrase is all its bigrams for the index and the run itself for the re-check', () => {
    expect(searchCondition("('叉车' <-> '车司' <-> '司机')")).toEqual({
      allTerms: "'叉车' & '车司' & '司机'",
      phrases: ['叉车司机'],
      anyOf: [],
    });
    expect(searchCondition("('电焊' <-> '焊工') & '小店' & 'cad'")).toEqual({
      allTerms: "'电焊' & '焊工' & '小店' & 'cad'",
      phrases: ['电焊工'],
      anyOf: [],
    });
    expect(searchCondition("'焊'")).toEqual({ allTerms: "'焊'", phrases: [], anyOf: [] });
    expect(searchCondition(searchQuery('哈哈哈哈')!)).toEqual({ allTerms: "'哈哈'", phrases: ['哈哈哈哈'], anyOf: [] });
    expect(() => searchCondition("'a' | 'b'")).toThrow();
  });

  it('JOB-7 punctuation and quotes never reach the tsquery; a long query is cut at 40 lexemes', () => {
    expect(searchQuery("'; DROP TABLE vacancies; --")).toBe("'drop' & 'table' & 'vacancies'");
    expect(searchQuery('！？')).toBeNull();
    expect(searchQuery('哈哈哈哈'.repeat(10) + ' abc xyz')!.match(/'/g)!.length / 2).toBe(40);
    expect(searchQuery('电焊 '.repeat(20))!.match(/'/g)!.length / 2).toBeLessThanOrEqual(40);
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
    // Queries of these characters may be vocabulary wordings (叉车, 司机); their other wordings use characters the texts never hold.
    const hanQuery = fc.array(fc.constantFrom('叉', '车', '司', '机', '货'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(hanText, { minLength: 1, maxLength: 3 }), hanQuery, (texts, q) => {
        const contained = texts.some((t) => t.split('，').some((run) => run.includes(q)));
        expect(matches(texts, q)).toBe(contained);
        if (contained) {
          const tokens = new Set(searchTokens(...texts));
          expect(holds(searchCondition(searchQuery(q)!).allTerms, tokens)).toBe(true);
        }
      }),
    );
  });
});

describe('JOB-7 search through the skills vocabulary', () => {
  it('JOB-7 a word the vocabulary knows is any of its wordings: 电焊 finds ads for 焊工, 焊接 and 电气焊', () => {
    expect(searchQuery('电焊')).toBe("('电焊' | '焊接' | '焊工' | ('电气' <-> '气焊'))");
    expect(matches(['招聘焊工3名'], '电焊')).toBe(true);
    expect(matches(['焊接技术员'], '电焊')).toBe(true);
    expect(matches(['电气焊工', '持证'], '电焊')).toBe(true);
    expect(matches(['电气工程师', '会气焊'], '电焊')).toBe(false); // 电气焊 is a phrase: its characters together
    expect(matches(['电工'], '电焊')).toBe(false);
    expect(matches(['保安 门卫'], '焊工 保安')).toBe(false); // every word must be met
    expect(matches(['焊工', '门卫'], '焊工 保安')).toBe(true);
    expect(matches(['数控车床操作工'], 'CNC')).toBe(true);
  });

  it('JOB-7 a word built on a shorter wording of its skill stays a phrase: 叉车司机 finds neither 叉车 … 货车司机 nor 开叉车', () => {
    expect(searchQuery('叉车司机')).toBe("('叉车' <-> '车司' <-> '司机')");
    expect(searchQuery('电焊工')).toBe("('电焊' <-> '焊工')");
    expect(matches(['招聘叉车、货车司机各一名'], '叉车司机')).toBe(false);
    expect(matches(['会开叉车者优先，另招货车司机'], '叉车司机')).toBe(false);
    expect(matches(['叉车司机'], '叉车')).toBe(true);
    expect(matches(['开叉车'], '叉车')).toBe(true);
  });
});
