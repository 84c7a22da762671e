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

/**
 * The query as tsquery text: every run of Han characters and every Latin word must be present; a
 * run of three or more characters as a phrase of its bigrams ('叉车' <-> '车司' <-> '司机'), which
 * says the characters stand together. The column has no positions to answer <-> with:
 * searchCondition turns a phrase into its bigrams for the index and the run for a re-check of the
 * rows' texts. Null when the query has nothing searchable. Lexemes are only letters and digits,
 * so quoting them is enough.
 */
export function searchQuery(q: string): string | null {
  const r = runs(q);
  const parts: string[] = [];
  let budget = maxQueryTerms;
  for (const run of r.han) {
    if (budget <= 0) break;
    const chars = [...run];
    if (chars.length === 1) {
      parts.push(`'${chars[0]}'`);
      budget -= 1;
      continue;
    }
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < chars.length && bigrams.length < budget; i++) bigrams.push(`'${chars[i]}${chars[i + 1]}'`);
    budget -= bigrams.length;
    parts.push(bigrams.length === 1 ? bigrams[0]! : `(${bigrams.join(' <-> ')})`);
  }
  for (const w of r.latin) {
    if (budget <= 0) break;
    parts.push(`'${w}'`);
    budget -= 1;
  }
  const unique = [...new Set(parts)];
  return unique.length ? unique.join(' & ') : null;
}

/**
 * What a query from searchQuery asks of a row: `allTerms`, the tsquery of every lexeme (the GIN
 * index answers it), and `phrases`, the runs of three or more Han characters its texts must contain
 * as they are. Throws on text searchQuery does not write.
 */
export function searchCondition(tsquery: string): { allTerms: string; phrases: string[] } {
  const lexemes: string[] = [];
  const phrases: string[] = [];
  for (const part of tsquery.split(' & ')) {
    const m = /^\('[^']+'(?: <-> '[^']+')+\)$|^'[^']+'$/u.exec(part);
    if (!m) throw new Error(`not a query of searchQuery: ${tsquery}`);
    const terms = [...part.matchAll(/'([^']+)'/gu)].map((x) => x[1]!);
    lexemes.push(...terms);
    if (terms.length > 1)
      phrases.push(
        terms[0]! +
          terms
            .slice(1)
            .map((t) => [...t][1]!)
            .join(''),
      );
  }
  return { allTerms: [...new Set(lexemes)].map((t) => `'${t}'`).join(' & '), phrases };
}
