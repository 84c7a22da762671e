// Chinese full-text search without a segmenter (JOB-7): a text is indexed as its Han characters
// and every pair of neighbouring Han characters, plus its Latin words and numbers, in a
// tsvector built with array_to_tsvector (no text-search parser, so no dependence on the
// database's locale). A query of one character looks up that character; a longer run looks up all
// of its bigrams, so 焊工, 司机, 会计 and 电焊工 all use the GIN index (DESIGN: ILIKE '%焊工%'
// scans every row, and pg_trgm has no trigram inside a two-character word).

const han = /\p{Script=Han}+/gu;
const latin = /[\p{L}\p{N}]+/gu;

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
 * The tsquery for a user's query (cast with ::tsquery, which takes quoted lexemes verbatim):
 * every term must be present. Null when the query has nothing searchable. Lexemes are only
 * letters and digits, so quoting them is enough.
 */
export function searchQuery(q: string): string | null {
  const r = runs(q);
  const terms: string[] = [];
  for (const run of r.han) {
    const chars = [...run];
    if (chars.length === 1) terms.push(chars[0]!);
    else for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  terms.push(...r.latin);
  const unique = [...new Set(terms)].slice(0, 32);
  return unique.length ? unique.map((t) => `'${t}'`).join(' & ') : null;
}
