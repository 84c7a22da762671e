import { describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from './searchText.js';

describe('JOB-7 Chinese search tokens', () => {
  it('JOB-7 indexes Han characters and their bigrams, and Latin words lower-cased', () => {
    expect(searchTokens('招聘电焊工', 'CAD 制图')).toEqual(
      expect.arrayContaining(['招', '招聘', '聘电', '电焊', '焊工', '工', 'cad', '制图']),
    );
  });

  it('JOB-7 a one-character query looks up the character; longer ones every bigram', () => {
    expect(searchQuery('焊')).toBe("'焊'");
    expect(searchQuery('焊工')).toBe("'焊工'");
    expect(searchQuery('电焊工 小店')).toBe("'电焊' & '焊工' & '小店'");
    expect(searchQuery('Java开发')).toBe("'开发' & 'java'");
  });

  it('JOB-7 punctuation and quotes never reach the tsquery', () => {
    expect(searchQuery("'; DROP TABLE vacancies; --")).toBe("'drop' & 'table' & 'vacancies'");
    expect(searchQuery('！？')).toBeNull();
  });

  it('JOB-7 every bigram of a query is among the tokens of a text containing it', () => {
    const text = '太原市小店区招聘焊工、叉车司机和会计';
    const tokens = new Set(searchTokens(text));
    for (const q of ['焊工', '司机', '会计', '叉车司机', '小店区']) {
      for (const term of searchQuery(q)!.split(' & ')) expect(tokens.has(term.slice(1, -1))).toBe(true);
    }
  });
});
