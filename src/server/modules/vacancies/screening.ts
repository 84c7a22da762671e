// Discrimination screening of vacancy texts before publication (JOB-3). Pure: the same text and
// rules always give the same flags, so the employer's form can preview them and the reviewer's
// queue can recompute them. The rules themselves are data in screeningRules.ts.
import type { ScreeningCategory, ScreeningFlag } from '../../../shared/screening.js';
import { screeningRules, type ScreeningRule } from './screeningRules.js';

export type { ScreenedField, ScreeningFlag, VacancyFlag, VacancyScreening } from '../../../shared/screening.js';

interface CompiledRule {
  rule: ScreeningRule;
  pattern: RegExp;
  unless: RegExp | undefined;
}

/** Characters that end a clause: the unit an `unless` pattern is tested against. */
const clauseBreak = /[，,。；;！!？?\n\r]/u;

// Rule lists are long-lived constants, so each is compiled once; a bad pattern fails on first use with the rule id.
const compiledByList = new WeakMap<readonly ScreeningRule[], CompiledRule[]>();

/** Screens a vacancy text; returns flags and warnings sorted by position, one per overlapping span of a category. */
export function screenVacancyText(text: string, rules: readonly ScreeningRule[] = screeningRules): ScreeningFlag[] {
  const found: ScreeningFlag[] = [];
  for (const { rule, pattern, unless } of compile(rules)) {
    for (const match of text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (unless?.test(clauseAround(text, start, end))) continue;
      found.push({
        ruleId: rule.id,
        category: rule.category,
        severity: rule.severity,
        text: match[0],
        start,
        end,
        reason: rule.reason,
        legalSource: rule.legalSource,
      });
    }
  }
  return mergeOverlapping(text, found);
}

function compile(rules: readonly ScreeningRule[]): CompiledRule[] {
  const cached = compiledByList.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule) => {
    try {
      return {
        rule,
        pattern: new RegExp(rule.pattern, 'gu'),
        unless: rule.unless === undefined ? undefined : new RegExp(rule.unless, 'u'),
      };
    } catch (error) {
      throw new SyntaxError(`screening rule ${rule.id} has an invalid pattern: ${(error as Error).message}`, { cause: error });
    }
  });
  compiledByList.set(rules, compiled);
  return compiled;
}

/** The clause containing text[start, end): from the last clause break before it to the first after it. */
function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !clauseBreak.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !clauseBreak.test(text[to]!)) to++;
  return text.slice(from, to);
}

/**
 * Several rules of one category often match the same words (「民族：汉族」 is both a field and a
 * listed trait); the reviewer should see one highlight, so overlapping spans of a category become
 * their union, keeping the stronger severity and the explanation of the span that starts first.
 * Spans of different categories are kept apart even when they overlap: each needs its own answer.
 */
function mergeOverlapping(text: string, flags: ScreeningFlag[]): ScreeningFlag[] {
  const sorted = [...flags].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: ScreeningFlag[] = [];
  const lastOfCategory = new Map<ScreeningCategory, ScreeningFlag>();
  for (const flag of sorted) {
    const last = lastOfCategory.get(flag.category);
    if (last && flag.start < last.end) {
      last.end = Math.max(last.end, flag.end);
      last.text = text.slice(last.start, last.end);
      if (flag.severity === 'flag' && last.severity === 'warning') {
        Object.assign(last, { ruleId: flag.ruleId, severity: flag.severity, reason: flag.reason, legalSource: flag.legalSource });
      }
      continue;
    }
    const copy = { ...flag };
    merged.push(copy);
    lastOfCategory.set(flag.category, copy);
  }
  return merged;
}
