import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from './searchText.js';

/** The tokens as the tsvector reads them: lexeme → its positions (empty: none stored). */
function vector(tokens: string[]): Map<string, number[]> {
  return new Map(
    tokens.map((t) => {
      const m = /^'([^']+)'(?::([\d,]+))?$/.exec(t);
      if (!m) throw new Error(`not a tsvector entry: ${t}`);
      return [m[1]!, m[2] ? m[2].split(',').map(Number) : []];
    }),
  );
}

/** What `tsvector @@ tsquery` answers for the queries searchQuery writes: '…' parts and ('…' <-> '…') phrases, all ANDed. */
function matches(tokens: string[], tsquery: string): boolean {
  const v = vector(tokens);
  return tsquery.split(' & ').every((part) => {
    const lexemes = [...part.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    if (lexemes.length === 1) return v.has(lexemes[0]!);
    // A phrase: some position p where the i-th lexeme is at p + i.
    return (v.get(lexemes[0]!) ?? []).some((p) => lexemes.every((l, i) => (v.get(l) ?? []).includes(p + i)));
  });
}

describe('JOB-7 Chinese search tokens', () => {
  it('JOB-7 indexes Han characters and their bigrams, and Latin words lower-cased; only bigrams carry positions', () => {
    expect(searchTokens('招聘电焊工', 'CAD 制图')).toEqual([
      "'招'",
      "'聘'",
      "'电'",
      "'焊'",
      "'工'",
      "'制'",
      "'图'",
      "'cad'",
      "'招聘':1",
      "'聘电':2",
      "'电焊':3",
      "'焊工':4",
      "'制图':7",
    ]);
  });

  it('JOB-7 a repeated bigram keeps every position; runs never sit next to each other', () => {
    const v = vector(searchTokens('叉车，叉车司机', '司机'));
    expect(v.get('叉车')).toEqual([1, 4]);
    expect(v.get('司机')).toEqual([6, 9]);
    expect(v.get('车叉')).toBeUndefined();
    expect(v.get('机司')).toBeUndefined();
  });

  it('JOB-7 a lexeme keeps at most 256 positions, none above 16383 (what tsvector stores)', () => {
    expect(vector(searchTokens('焊工'.repeat(300))).get('焊工')).toHaveLength(256);
    expect(vector(searchTokens('一'.repeat(17000), '焊工')).get('焊工')).toEqual([16383]);
  });

  it('JOB-7 a one-character query looks up the character, two characters their bigram, longer ones a phrase of bigrams', () => {
    expect(searchQuery('焊')).toBe("'焊'");
    expect(searchQuery('焊工')).toBe("'焊工'");
    expect(searchQuery('叉车司机')).toBe("('叉车' <-> '车司' <-> '司机')");
    expect(searchQuery('电焊工 小店')).toBe("('电焊' <-> '焊工') & '小店'");
    expect(searchQuery('Java开发')).toBe("'开发' & 'java'");
  });

  it('JOB-7 punctuation and quotes never reach the tsquery', () => {
    expect(searchQuery("'; DROP TABLE vacancies; --")).toBe("'drop' & 'table' & 'vacancies'");
    expect(searchQuery('！？')).toBeNull();
    expect(searchQuery('叉车司机'.repeat(10) + ' abc xyz')!.match(/'/g)!.length / 2).toBe(40);
  });

  it('JOB-7 a phrase keeps its characters adjacent: 叉车司机 finds 叉车司机, not 叉车 … 货车司机', () => {
    const q = searchQuery('叉车司机')!;
    expect(matches(searchTokens('招聘叉车司机', '持证上岗'), q)).toBe(true);
    expect(matches(searchTokens('招聘叉车、货车司机各一名'), q)).toBe(false);
    expect(matches(searchTokens('叉车', '货车司机'), q)).toBe(false);
    expect(matches(searchTokens('叉车司', '机修工'), q)).toBe(false);
    expect(matches(searchTokens('仓管员', '物流公司', ['叉车司机'].join(' ')), q)).toBe(true);
  });

  it('JOB-7 a Han query matches a text exactly when one run of the text contains it (property)', () => {
    const hanText = fc.array(fc.constantFrom('叉', '车', '司', '机', '货', '，'), { maxLength: 24 }).map((cs) => cs.join(''));
    const hanQuery = fc.array(fc.constantFrom('叉', '车', '司', '机', '货'), { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(hanText, { minLength: 1, maxLength: 3 }), hanQuery, (texts, q) => {
        const contained = texts.some((t) => t.split('，').some((run) => run.includes(q)));
        expect(matches(searchTokens(...texts), searchQuery(q)!)).toBe(contained);
      }),
    );
  });
});
