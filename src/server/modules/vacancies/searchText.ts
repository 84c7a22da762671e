// Chinese full-text search without a segmenter (JOB-7): a text is indexed as its Han characters
// and every pair of neighbouring Han characters, plus its Latin words and numbers, in a
// tsvector built with array_to_tsvector (no text-search parser, so no dependence on the
// database's locale). A query of one character looks up that character, two characters their
// bigram (DESIGN: ILIKE '%焊工%' scans every row, and pg_trgm has no trigram inside a
// two-character word). A longer run of characters is a phrase: the GIN index finds the rows that
// have all of its bigrams, and those rows are checked for the run itself (LIKE '%叉车司机%' on
// their texts), so 叉车司机 finds only those four characters together, never an ad with 叉车 and
// 货车司机 apart. Checking the text was measured against storing each bigram's positions and
// asking a phrase query (<->): positions made the column half as large again, pushed it out of
// line into TOAST, and the rows' re-check took four times as long (docs/performance.md).

import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { skillWordings } from '../../../shared/skillVocabulary.js';

const han = /\p{Script=Han}+/gu;
const latin = /[\p{L}\p{N}]+/gu;

/** The longest query, in lexemes (the query box takes 40 characters). */
const maxQueryTerms = 40;

/** Runs of Han characters and (lower-cased) Latin words/numbers of a text. */
function runs(text: string): { han: string[]; latin: string[] } {
  const hanRuns = text.match(han) ?? [];
  const rest = text.replace(han, ' ');
  return { han: hanRuns, latin: (rest.match(latin) ?? []).map((w) => w.toLowerCase()) };
}

/** The lexemes to index for some texts (array_to_tsvector(tokens)). */
export function searchTokens(...texts: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const r = runs(text);
    for (const run of r.han) {
      const chars = [...run];
      chars.forEach((c, i) => {
        tokens.add(c);
        if (i + 1 < chars.length) tokens.add(c + chars[i + 1]!);
      });
    }
    for (const w of r.latin) tokens.add(w);
  }
  return [...tokens];
}

/** One alternative wording of a query word as tsquery text: a lexeme, or a phrase of bigrams. */
function wordQuery(word: string, budget: number): { text: string; cost: number } | null {
  if (budget <= 0) return null;
  if (!/^\p{Script=Han}+$/u.test(word)) return { text: `'${word.toLowerCase()}'`, cost: 1 };
  const chars = [...word];
  if (chars.length === 1) return { text: `'${chars[0]}'`, cost: 1 };
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length && bigrams.length < budget; i++) bigrams.push(`'${chars[i]}${chars[i + 1]}'`);
  return { text: bigrams.length === 1 ? bigrams[0]! : `(${bigrams.join(' <-> ')})`, cost: bigrams.length };
}

/**
 * The wordings a query word stands for (JOB-7 with the skills vocabulary): 电焊 also finds 焊工,
 * 焊接 and 电气焊. Only whole wordings of Han characters or of Latin letters and digits are used, and
 * one that contains another is dropped (a text with 电焊工 has 焊工 already). A word built on a
 * shorter wording of its skill (叉车司机 on 叉车, 电焊工 on 电焊) asks for more than the skill, so it
 * stays a phrase of its own: 叉车司机 must not find an ad that says 叉车 and 货车司机 apart, nor one
 * that only says 开叉车. The word itself comes first.
 */
function wordingsOf(word: string): string[] {
  const isHan = (w: string) => /^\p{Script=Han}+$/u.test(w);
  const isLatin = (w: string) => /^[\p{L}\p{N}]+$/u.test(w) && !/\p{Script=Han}/u.test(w);
  const wordings = skillWordings(word).map((w) => (isHan(w) ? w : w.toLowerCase()));
  const key = word.toLowerCase();
  if (wordings.some((w) => w !== key && key.includes(w))) return [word];
  const all = [...new Set([key, ...wordings.filter((w) => isHan(w) || isLatin(w))])];
  return all.filter((w, i) => i === 0 || !all.some((other) => other !== w && w.includes(other)));
}

/**
 * The query as tsquery text: every run of Han characters and every Latin word must be present; a
 * run of three or more characters as a phrase of its bigrams ('叉车' <-> '车司' <-> '司机'), which
 * says the characters stand together. A word the skills vocabulary knows is any of its wordings:
 * ('电焊' | '焊工' | '焊接' | ('电气' <-> '气焊')). The column has no positions to answer <-> with:
 * searchCondition turns a phrase into its bigrams for the index and the run for a re-check of the
 * rows' texts. Null when the query has nothing searchable. Lexemes are only letters and digits,
 * so quoting them is enough.
 */
export function searchQuery(q: string): string | null {
  const r = runs(q);
  const parts: string[] = [];
  let budget = maxQueryTerms;
  for (const word of [...r.han, ...r.latin]) {
    const alternatives: string[] = [];
    for (const wording of wordingsOf(word)) {
      const part = wordQuery(wording, budget);
      if (!part) break;
      alternatives.push(part.text);
      budget -= part.cost;
    }
    if (alternatives.length === 0) break;
    parts.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`);
  }
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(' & ') : null;
}

/** One way a row meets a part of the query: its lexemes (tsquery text) and the phrase its texts must hold, if any. */
export interface SearchAlternative {
  terms: string;
  phrase: string | null;
}

const lexemePattern = /'([^']+)'/gu;
const alternativePattern = "(?:'[^']+'|\\('[^']+'(?: <-> '[^']+')+\\))";
const partPattern = new RegExp(`^(?:${alternativePattern}|\\(${alternativePattern}(?: \\| ${alternativePattern})+\\))$`, 'u');

/** An alternative's lexemes (all must be present) and, for a run of three or more characters, the run. */
function alternativeOf(text: string): SearchAlternative {
  const terms = [...text.matchAll(lexemePattern)].map((x) => x[1]!);
  const phrase =
    terms.length > 1
      ? terms[0]! +
        terms
          .slice(1)
          .map((t) => [...t][1]!)
          .join('')
      : null;
  return { terms: terms.map((t) => `'${t}'`).join(' & '), phrase };
}

/**
 * What a query from searchQuery asks of a row: `allTerms`, a tsquery the GIN index answers (every
 * lexeme of a plain part, any alternative of a part with synonyms); `phrases`, the runs of three or
 * more Han characters its texts must contain as they are; and `anyOf`, for each part with synonyms,
 * the alternatives of which a row must meet one (its lexemes, and its run where it has one).
 * Throws on text searchQuery does not write.
 */
export function searchCondition(tsquery: string): { allTerms: string; phrases: string[]; anyOf: SearchAlternative[][] } {
  const lexemes: string[] = [];
  const groups: string[] = [];
  const phrases: string[] = [];
  const anyOf: SearchAlternative[][] = [];
  for (const part of tsquery.split(' & ')) {
    if (!partPattern.test(part)) throw new Error(`not a query of searchQuery: ${tsquery}`);
    const alternatives = part.includes(' | ') ? part.slice(1, -1).split(' | ').map(alternativeOf) : [alternativeOf(part)];
    if (alternatives.length === 1) {
      lexemes.push(...alternatives[0]!.terms.split(' & '));
      if (alternatives[0]!.phrase) phrases.push(alternatives[0]!.phrase);
      continue;
    }
    groups.push(`(${alternatives.map((a) => a.terms).join(' | ')})`);
    anyOf.push(alternatives);
  }
  return { allTerms: [...new Set(lexemes), ...groups].join(' & '), phrases, anyOf };
}

/**
 * A query from searchQuery as SQL conditions on a table with a search column: the index's tsquery,
 * then each phrase in the texts (`contains` says how a row holds a pattern), then for each part
 * with synonyms one of its alternatives, re-checked on the rows the index found.
 */
export function searchSql(tsquery: string, search: SQL | AnyPgColumn, contains: (pattern: string) => SQL): SQL[] {
  const { allTerms, phrases, anyOf } = searchCondition(tsquery);
  const meets = (a: SearchAlternative) =>
    a.phrase ? sql`(${search} @@ ${a.terms}::tsquery AND ${contains(`%${a.phrase}%`)})` : sql`${search} @@ ${a.terms}::tsquery`;
  return [
    sql`${search} @@ ${allTerms}::tsquery`,
    ...phrases.map((phrase) => contains(`%${phrase}%`)),
    ...anyOf.map((alternatives) => sql`(${sql.join(alternatives.map(meets), sql` OR `)})`),
  ];
}
