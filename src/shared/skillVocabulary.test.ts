import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  heldSkillTerms,
  normalizeSkillWord,
  occupationsOfKeywords,
  requiredSkillTerms,
  skillTerm,
  skillVocabulary,
  skillWordings,
  unlistedVocabularyOccupations,
} from './skillVocabulary.js';

describe('JOB-4 the skills vocabulary', () => {
  it('JOB-4 names only occupations of the list, terms once each, broader terms that exist and never loop', () => {
    expect(unlistedVocabularyOccupations()).toEqual([]);
    const terms = skillVocabulary.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    const wordings = skillVocabulary.flatMap((e) => [e.term, ...e.synonyms].map(normalizeSkillWord));
    expect(new Set(wordings).size, 'a wording belongs to one term only').toBe(wordings.length);
    const byTerm = new Map(skillVocabulary.map((e) => [e.term, e]));
    for (const entry of skillVocabulary) {
      const seen = new Set<string>();
      for (let t: string | undefined = entry.term; t; t = byTerm.get(t)?.broader) {
        expect(seen.has(t), `${entry.term} loops through ${t}`).toBe(false);
        seen.add(t);
        if (t !== entry.term) expect(byTerm.has(t), `${entry.term}'s broader ${t} is a term`).toBe(true);
      }
    }
  });

  it('JOB-4 电焊, 电焊工, 焊工 and 焊接 are one skill; 叉车司机 and 叉车工 too', () => {
    expect(new Set(['电焊', '电焊工', '焊工', '焊接', ' 电焊 '].map(skillTerm))).toEqual(new Set(['焊接']));
    expect(skillTerm('叉车司机')).toBe(skillTerm('叉车工'));
  });

  it('JOB-4 full-width letters and case do not make another skill (ＣＮＣ, cnc, b2驾照)', () => {
    expect(skillTerm('ＣＮＣ')).toBe('数控机床操作');
    expect(skillTerm('cnc')).toBe('数控机床操作');
    expect(skillTerm('b2驾照')).toBe('B2驾照');
  });

  it('JOB-4 a specialist holds the broader skill, not the other way round', () => {
    expect(heldSkillTerms(['氩弧焊'])).toEqual(['氩弧焊', '焊接']);
    expect(heldSkillTerms(['电焊'])).toEqual(['焊接']);
    expect(heldSkillTerms(['B2驾驶证'])).toEqual(['B2驾照', 'C1驾照', '驾驶']);
    expect(requiredSkillTerms(['氩弧焊'])).toEqual(['氩弧焊']);
  });

  it('JOB-4 unknown skills pass through as written (normalised), none lost', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 6 }), (skills) => {
        const held = new Set(heldSkillTerms(skills));
        for (const s of skills) if (normalizeSkillWord(s) !== '') expect(held.has(skillTerm(s))).toBe(true);
        // Required terms are a subset of held terms for the same words: a person meets their own requirements.
        for (const t of requiredSkillTerms(skills)) expect(held.has(t)).toBe(true);
      }),
    );
  });

  it('JOB-4 keyword wishes stand for occupations: 电焊工 and 焊工 for 焊工 6-18-02-04, 保安员 by its name, 面包 for none', () => {
    expect(occupationsOfKeywords(['电焊工'])).toEqual(['6-18-02-04']);
    expect(occupationsOfKeywords(['焊工'])).toEqual(['6-18-02-04']);
    expect(occupationsOfKeywords(['保安员'])).toEqual(['4-07-05-01']);
    expect(occupationsOfKeywords(['叉车司机'])).toEqual(['6-30-05-01']);
    expect(occupationsOfKeywords(['面包'])).toEqual([]);
  });

  it('JOB-7 a search word brings its synonyms along, itself first', () => {
    expect(skillWordings('电焊')[0]).toBe('电焊');
    expect(skillWordings('电焊')).toContain('焊工');
    expect(skillWordings('面包')).toEqual(['面包']);
  });
});
