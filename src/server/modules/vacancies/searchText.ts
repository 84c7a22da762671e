// Chinese full-text search without a segmenter (JOB-7): a text is indexed as its Han characters
// and every pair of neighbouring Han characters, plus its Latin words and numbers, in a tsvector
// written out as tsvector text (no text-search parser, so no dependence on the database's
// locale). A query of one character looks up that character; two characters look up their
// bigram; a longer run looks up its bigrams as a phrase, each one place after the last
// ('叉车' <-> '车司' <-> '司机'), so 叉车司机 finds only those four characters together and not an
// ad with 叉车 and 货车司机 apart. Only bigrams carry positions (where in the texts they start):
// characters and Latin words are only ever looked up alone, and positions cost two bytes each in
// every row. The GIN index answers a phrase as if it were an AND and the database checks the
// positions of the rows it finds (DESIGN: ILIKE '%焊工%' scans every row, and pg_trgm has no
// trigram inside a two-character word).

const han = /\p{Script=Han}+/gu;
const latin = /[\p{L}\p{N}]+/gu;

/** tsvector keeps at most 256 positions of a lexeme and none above 16,383. */
const maxPositionsPerLexeme = 256;
const maxPosition = 16_383;
/** The longest query, in lexemes (the query box takes 40 characters). */
const maxQueryTerms = 40;

/** Runs of Han characters and (lower-cased) Latin words/numbers of a text. */
function runs(text: string): { han: string[]; latin: string[] } {
  const hanRuns = text.match(han) ?? [];
  const rest = text.replace(han, ' ');
  return { han: hanRuns, latin: (rest.match(latin) ?? []).map((w) => w.toLowerCase()) };
}

/**
 * The entries of the search tsvector of some texts, each a lexeme in tsvector text with the
 * positions of a bigram (`'叉车':12,40`) or none (`'叉'`, `'cad'`); joined by spaces and cast with
 * ::tsvector they are the vacancy's `search` column (db/bulk.ts's 'tsvector' columns take them
 * so). Lexemes are only letters and digits, so quoting them is enough.
 */
export function searchTokens(...texts: (string | null | undefined)[]): string[] {
  const positions = new Map<string, number[]>();
  const plain = new Set<string>();
  // Each Han character takes the next position; a run starts one place after the last one ended,
  // so no phrase can run from one text, sentence or word into the next.
  let next = 1;
  for (const text of texts) {
    if (!text) continue;
    const r = runs(text);
    for (const run of r.han) {
      const chars = [...run];
      chars.forEach((c, i) => {
        plain.add(c);
        if (i + 1 >= chars.length) return;
        const at = Math.min(next + i, maxPosition);
        const bigram = c + chars[i + 1]!;
        const list = positions.get(bigram) ?? [];
        if (list.length < maxPositionsPerLexeme && list[list.length - 1] !== at) list.push(at);
        positions.set(bigram, list);
      });
      next += chars.length + 1;
    }
    for (const w of r.latin) plain.add(w);
  }
  return [...[...plain].map((t) => `'${t}'`), ...[...positions].map(([t, at]) => `'${t}':${at.join(',')}`)];
}

/**
 * The tsquery for a user's query (cast with ::tsquery, which takes quoted lexemes verbatim): every
 * run of Han characters and every Latin word must be present, a run's characters next to each
 * other. Null when the query has nothing searchable.
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
