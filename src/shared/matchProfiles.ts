// Match profiles (JOB-4): what matching knows of a seeker and of a vacancy, built in one place
// each. The ledger (persons) and the vacancies module store them beside their rows, in the same
// transaction as every write, and matching scores them (server/modules/matching/rules.ts), so
// the function lives below all three, like matchKeysOf. Skills go through the skills vocabulary
// here, before keys and scores are derived: a profile holds vocabulary terms (电焊, 焊工 → 焊接), a
// seeker also the broader terms theirs imply, and keyword wishes (电焊工) become the occupations
// and skills they stand for (shared/skillVocabulary.ts).
import { vacancyHoursNames } from './labels.js';
import { matchKeysOf, occupationGroupOf } from './matchKeys.js';
import { heldSkillTerms, occupationsOfKeywords, requiredSkillTerms } from './skillVocabulary.js';

export interface SeekerProfile {
  regionCode: string;
  /** Wished occupations, those the keyword wishes stand for, then the current occupation. */
  occupations: string[];
  /** Vocabulary terms of the skills and keyword wishes, with the broader terms they imply. */
  skills: string[];
  wageMinFen: number | null;
  education: string | null;
  hours: string | null;
  /** Wished places (region codes or prefixes); empty = near home. */
  regionCodes: string[];
  /** Holds an active hard-to-employ recognition (就业困难人员认定, AID-1): the policy puts them first. */
  priority: boolean;
}

export interface VacancyProfile {
  regionCode: string;
  occupation: string | null;
  /** Required skills; vocabulary terms once through vacancyProfileOf. */
  skills: string[];
  wageMin: number;
  wageMax: number;
  education: string | null;
  hours: string;
}

/**
 * The format of stored profiles: raise it when what seekerMatchColumns or vacancyMatchColumns
 * write changes, and the profiles stored are rebuilt at the next start (bootstrap.ts, with the
 * vocabulary's own changes, which it detects by itself).
 */
export const matchProfileFormat = 2;

/** Education levels from highest to lowest (the ledger's list). */
export const educationLevels = ['研究生', '大学本科', '大学专科', '高中/中专/技校', '初中', '小学及以下'] as const;

/** Ledgers write education in many ways (高中, 中专, 大专, 本科...): each maps to a level of the list. */
const educationAliases: [RegExp, (typeof educationLevels)[number]][] = [
  [/研究生|硕士|博士/, '研究生'],
  [/本科|学士/, '大学本科'],
  [/专科|大专|高职/, '大学专科'],
  [/高中|中专|技校|职高|中技/, '高中/中专/技校'],
  [/初中/, '初中'],
  [/小学|文盲|半文盲/, '小学及以下'],
];

/** The rank of an education (0 = highest), or -1 when it cannot be placed. */
export function educationRank(education: string | null): number {
  if (!education) return -1;
  const exact = educationLevels.indexOf(education as (typeof educationLevels)[number]);
  if (exact >= 0) return exact;
  const alias = educationAliases.find(([re]) => re.test(education));
  return alias ? educationLevels.indexOf(alias[1]) : -1;
}

/** The prefix a wished place stands for: its code without the trailing zeros (140105000000 → 140105). */
export const wishedPrefix = (regionCode: string) => regionCode.replace(/0+$/, '');

/** True when a seeker states no working-time wish (none, or 不限). */
export const anyHours = (hours: string | null) => !hours || hours === '不限';

/** The vacancy hours values (full_time ...) whose Chinese name is `hours` (全日制 ...). */
export const hoursNamed = (hours: string) =>
  Object.entries(vacancyHoursNames)
    .filter(([, name]) => name === hours)
    .map(([value]) => value);

/** The job wishes a person states (persons.job_wishes). */
export interface JobWishes {
  occupations?: string[];
  keywords?: string[];
  wageMinFen?: number;
  regionCodes?: string[];
  hours?: string;
}

/** What a seeker profile is built from: the ledger row's fields. */
export interface SeekerFacts {
  regionCode: string;
  occupation: string | null;
  skills: string[];
  jobWishes: unknown;
  education: string | null;
  /**
   * Holds an active hard-to-employ recognition (the assistance module's recognitions, AID-1), which
   * matching puts first where matching.weight.priority > 0; free-text categories no longer count.
   */
  priority: boolean;
}

/** The seeker's profile: wished then current occupations, skills and keywords as terms, wishes, priority. */
export function seekerProfileOf(p: SeekerFacts): SeekerProfile {
  const wishes = (p.jobWishes ?? {}) as JobWishes;
  const keywords = wishes.keywords ?? [];
  return {
    regionCode: p.regionCode,
    occupations: [...new Set([...(wishes.occupations ?? []), ...occupationsOfKeywords(keywords), ...(p.occupation ? [p.occupation] : [])])],
    skills: heldSkillTerms([...p.skills, ...keywords]),
    wageMinFen: wishes.wageMinFen ?? null,
    education: p.education,
    hours: wishes.hours ?? null,
    regionCodes: wishes.regionCodes ?? [],
    priority: p.priority,
  };
}

/** Who matching offers vacancies to: persons seeking work or registered unemployed (the same test as persons_seeker_match_idx). */
export const isSeeker = (p: { jobSeeking: boolean; employmentStatus: string }) => p.jobSeeking || p.employmentStatus === 'unemployed';

/** The vacancy's profile: the fields a score reads, its skills as vocabulary terms. */
export function vacancyProfileOf(v: VacancyProfile): VacancyProfile {
  return {
    regionCode: v.regionCode,
    occupation: v.occupation,
    skills: requiredSkillTerms(v.skills),
    wageMin: v.wageMin,
    wageMax: v.wageMax,
    education: v.education,
    hours: v.hours,
  };
}

/**
 * Region-code lengths a vacancy's lookup keys are also placed at: community (12), street (9) and
 * district (6) (GB/T 2260), so that a seeker's wished place of any of these levels finds it.
 */
export const placedLevels = [12, 9, 6] as const;

/** A seeker's keys are placed at their district only: a vacancy asks for the seekers of its district (and those wishing for its place). */
export const seekerPlacedLevels = [6] as const;

/**
 * The keys a profile is looked up by: its match keys as they are, each also placed at the row's
 * own region at the given levels (`o:6-18-02-04@140105`), and for a seeker at every wished place
 * (`o:6-18-02-04~140105`). Matching fetches the nearest candidates first by these
 * (server/modules/matching/tiers.ts), before it reaches those further away.
 */
export function lookupKeysOf(
  keys: readonly string[],
  regionCode: string,
  levels: readonly number[],
  wishedPrefixes: readonly string[] = [],
): string[] {
  const placed = keys.flatMap((k) => levels.map((digits) => `${k}@${regionCode.slice(0, digits)}`));
  const wished = keys.flatMap((k) => wishedPrefixes.map((w) => `${k}~${w}`));
  return [...new Set([...keys, ...placed, ...wished])];
}

/** The keys a seeker is looked up by (seeker_match_lookup): persons.match_keys, placed. */
export function seekerLookupKeys(profile: SeekerProfile): string[] {
  return lookupKeysOf(
    matchKeysOf(profile.occupations, profile.skills),
    profile.regionCode,
    seekerPlacedLevels,
    profile.regionCodes.map(wishedPrefix),
  );
}

/**
 * A seeker profile as stored for scoring in SQL (seeker_match_profiles): each column holds the
 * fact a rule tests, already normalised the way the rule reads it, so a score is a few comparisons.
 */
export function seekerMatchColumns(profile: SeekerProfile) {
  return {
    regionCode: profile.regionCode,
    occupations: profile.occupations,
    occupationGroups: profile.occupations.map(occupationGroupOf).filter((g): g is string => g !== null),
    skills: profile.skills,
    /** Null where the rule sees no wage wish (none or 0). */
    wageMinFen: profile.wageMinFen || null,
    educationRank: educationRank(profile.education),
    /** Null where the rule sees no working-time wish. */
    hours: anyHours(profile.hours) ? null : profile.hours,
    wishedPrefixes: profile.regionCodes.map(wishedPrefix),
    priority: profile.priority,
  };
}

/** A vacancy profile as stored for scoring in SQL (vacancy_match_profiles). */
export function vacancyMatchColumns(profile: VacancyProfile) {
  const occupation = profile.occupation || null;
  return {
    regionCode: profile.regionCode,
    lookupKeys: lookupKeysOf(matchKeysOf([profile.occupation], profile.skills), profile.regionCode, placedLevels),
    occupation,
    occupationGroup: occupation ? occupationGroupOf(occupation) : null,
    skills: profile.skills,
    wageMax: profile.wageMax,
    educationRank: educationRank(profile.education),
    hours: profile.hours,
  };
}
