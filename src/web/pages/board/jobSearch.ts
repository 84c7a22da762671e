// The search of the public board as URL state (?q=焊工&district=140105&wage=5000&days=7&page=2),
// so that a result list can be shared as a link, and its translation to the API's query.
import { isOccupationCode } from '../../../shared/occupations.js';
import type { Query } from '../../api.js';
import { yuanToFen } from '../../format.js';

/** The "posted within" choices, in days. */
export const postedWithinChoices = [3, 7, 30] as const;
export type PostedWithin = (typeof postedWithinChoices)[number];

export interface JobSearch {
  q?: string;
  /** 6-digit district code. */
  district?: string;
  /** 大典 code. */
  occupation?: string;
  /** Minimum monthly wage in yuan, as the visitor types it. */
  wage?: number;
  days?: PostedWithin;
  page: number;
}

/** Results per page: an even number, for two cards a row on wide screens. */
export const pageSize = 12;

/** The search a URL's parameters describe; values that make no sense are dropped, not sent. */
export function searchOfParams(params: URLSearchParams): JobSearch {
  const search: JobSearch = { page: 1 };
  const q = params.get('q')?.trim().slice(0, 40);
  if (q) search.q = q;
  const district = params.get('district');
  if (district && /^\d{6}$/.test(district)) search.district = district;
  const occupation = params.get('occupation');
  if (occupation && isOccupationCode(occupation)) search.occupation = occupation;
  const wage = Number(params.get('wage'));
  if (Number.isFinite(wage) && wage > 0) search.wage = Math.round(wage);
  const days = Number(params.get('days'));
  if ((postedWithinChoices as readonly number[]).includes(days)) search.days = days as PostedWithin;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) search.page = page;
  return search;
}

/** URL parameters of a search, without the defaults (page 1), in a fixed order. */
export function paramsOfSearch(search: JobSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q?.trim()) params.set('q', search.q.trim());
  if (search.district) params.set('district', search.district);
  if (search.occupation) params.set('occupation', search.occupation);
  if (search.wage) params.set('wage', String(search.wage));
  if (search.days) params.set('days', String(search.days));
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** GET /public/vacancies query: district as a region-code prefix, wage in fen. */
export function apiQueryOf(search: JobSearch): Query {
  return {
    q: search.q,
    regionCode: search.district,
    occupation: search.occupation,
    wageMin: search.wage ? yuanToFen(search.wage) : undefined,
    postedWithinDays: search.days,
    page: search.page,
    pageSize,
  };
}

/** True when any filter (not the page) is set. */
export function hasCriteria(search: JobSearch): boolean {
  return !!(search.q || search.district || search.occupation || search.wage || search.days);
}
