// The rule of DESIGN idea 3, without I/O: among values whose region prefix covers the region and
// whose effective date is not after the date, the most specific region wins, then the latest date.

export interface DatedValue {
  regionPrefix: string;
  effectiveFrom: string;
}

/** Picks the value in force for a region on a date, or undefined when none applies. */
export function pickParamValue<T extends DatedValue>(values: readonly T[], regionCode: string, date: string): T | undefined {
  let best: T | undefined;
  for (const v of values) {
    if (!regionCode.startsWith(v.regionPrefix) || v.effectiveFrom > date) continue;
    if (
      !best ||
      v.regionPrefix.length > best.regionPrefix.length ||
      (v.regionPrefix.length === best.regionPrefix.length && v.effectiveFrom > best.effectiveFrom)
    ) {
      best = v;
    }
  }
  return best;
}
