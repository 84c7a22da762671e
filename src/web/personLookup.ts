// Finding a person by citizen ID: always by POST /persons/lookup, so that the number never
// appears in a URL (API.md: no personal identifier in a URL), where logs and proxies would keep it.
import { post } from './api.js';
import type { Person } from './types.js';

/** True for a complete citizen ID (18 characters, or a 15-digit legacy number). */
export function looksLikeIdNumber(text: string): boolean {
  return /^(\d{17}[\dXx]|\d{15})$/.test(text.trim());
}

/** The person in scope with this ID; rejects with the API's 404 when there is none. */
export function lookupPerson(idNumber: string): Promise<Person> {
  return post<Person>('/persons/lookup', { idNumber: idNumber.trim().toUpperCase() });
}
