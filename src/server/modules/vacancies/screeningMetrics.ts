// Precision and recall of the JOB-3 screening rules on a labelled corpus, so the figures quoted in
// docs/screening.md are computed, not claimed. An ad counts as flagged when it has any flag or warning.
import { screenVacancyText } from './screening.js';
import type { CorpusAd } from './screeningCorpus.js';
import type { ScreeningCategory, ScreeningRule } from './screeningRules.js';

export interface Rates {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / (TP + FP); 1 when nothing was predicted, since nothing was wrongly flagged. */
  precision: number;
  /** TP / (TP + FN); 1 when nothing was expected, since nothing was missed. */
  recall: number;
}

export interface MisclassifiedAd {
  text: string;
  expected: readonly ScreeningCategory[];
  found: ScreeningCategory[];
  /** Expected categories that no flag found. */
  missed: ScreeningCategory[];
  /** Categories flagged that the ad does not discriminate on. */
  spurious: ScreeningCategory[];
  note?: string;
}

export interface ScreeningMeasurement {
  ads: number;
  cleanAds: number;
  discriminatoryAds: number;
  /** Per ad: expected non-empty against any flag or warning. */
  adLevel: Rates;
  /** Per (ad, category) pair, summed over all categories. */
  pairLevel: Rates;
  /** Per (ad, category) pair, one category at a time; only categories that were expected or found. */
  byCategory: Partial<Record<ScreeningCategory, Rates>>;
  /** Ads whose found categories differ from the expected ones in any way. */
  misclassified: MisclassifiedAd[];
}

/** Runs the rules over every ad and compares the categories found with the expected ones. */
export function measureScreening(corpus: readonly CorpusAd[], rules: readonly ScreeningRule[]): ScreeningMeasurement {
  const ad = counter();
  const pair = counter();
  const byCategory = new Map<ScreeningCategory, ReturnType<typeof counter>>();
  const misclassified: MisclassifiedAd[] = [];

  for (const item of corpus) {
    const found = [...new Set(screenVacancyText(item.text, rules).map((flag) => flag.category))];
    const expected = new Set(item.expected);
    ad.add(expected.size > 0, found.length > 0);
    for (const category of new Set([...expected, ...found])) {
      const isExpected = expected.has(category);
      const isFound = found.includes(category);
      pair.add(isExpected, isFound);
      if (!byCategory.has(category)) byCategory.set(category, counter());
      byCategory.get(category)!.add(isExpected, isFound);
    }
    const missed = [...expected].filter((category) => !found.includes(category));
    const spurious = found.filter((category) => !expected.has(category));
    if (missed.length > 0 || spurious.length > 0) {
      misclassified.push({
        text: item.text,
        expected: item.expected,
        found,
        missed,
        spurious,
        ...(item.note === undefined ? {} : { note: item.note }),
      });
    }
  }

  const cleanAds = corpus.filter((item) => item.expected.length === 0).length;
  return {
    ads: corpus.length,
    cleanAds,
    discriminatoryAds: corpus.length - cleanAds,
    adLevel: ad.rates(),
    pairLevel: pair.rates(),
    byCategory: Object.fromEntries([...byCategory].map(([category, count]) => [category, count.rates()])),
    misclassified,
  };
}

/** One line for the test log and the docs: ad-level and pair-level figures, then each category. */
export function summariseMeasurement(m: ScreeningMeasurement): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const categories = Object.entries(m.byCategory)
    .map(([category, r]) => `${category} P ${pct(r.precision)} R ${pct(r.recall)}`)
    .join('; ');
  return (
    `JOB-3 screening on ${m.ads} ads (${m.cleanAds} clean, ${m.discriminatoryAds} discriminatory): ` +
    `ad level precision ${pct(m.adLevel.precision)} recall ${pct(m.adLevel.recall)} ` +
    `(TP ${m.adLevel.truePositives}, FP ${m.adLevel.falsePositives}, FN ${m.adLevel.falseNegatives}); ` +
    `(ad, category) pairs precision ${pct(m.pairLevel.precision)} recall ${pct(m.pairLevel.recall)}; ` +
    `${categories}; misclassified ${m.misclassified.length}`
  );
}

function counter() {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  return {
    add(isExpected: boolean, isFound: boolean) {
      if (isExpected && isFound) truePositives++;
      else if (isFound) falsePositives++;
      else if (isExpected) falseNegatives++;
    },
    rates(): Rates {
      const predicted = truePositives + falsePositives;
      const actual = truePositives + falseNegatives;
      return {
        truePositives,
        falsePositives,
        falseNegatives,
        precision: predicted === 0 ? 1 : truePositives / predicted,
        recall: actual === 0 ? 1 : truePositives / actual,
      };
    },
  };
}
