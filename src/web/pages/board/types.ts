// Shapes of the public job board's API responses (src/server/modules/board and accounts routes), read
// from the generated OpenAPI types: the public pages see only these fields, never a staff view of a vacancy.
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** A published, unexpired vacancy as anyone may see it; wages are monthly, in fen. */
export type PublicVacancy = ItemOf<'/api/v1/public/vacancies'>;
/** One vacancy's page: its description and the employer's public details. */
export type PublicVacancyDetail = ResponseOf<'/api/v1/public/vacancies/{id}'>;
/** A job fair on the public calendar (today or later, not cancelled). */
export type PublicFair = ItemOf<'/api/v1/public/fairs'>;
/** What the employer sees when checking a referral letter's code; the name is masked by the API. */
export type ReferralLetter = ResponseOf<'/api/v1/public/referrals/verify', 'post'>;
/** The signed-in self-service account (GET /public/me); the phone and ID number come masked. */
export type PublicAccount = ResponseOf<'/api/v1/public/me'>;
/** A seeker's job wishes as kept in the ledger; wages in fen. */
export type JobWishes = NonNullable<PublicAccount['seeker']>['jobWishes'];
/** A vacancy recommended to the signed-in seeker, with the reasons of its score. */
export type SeekerMatch = ItemOf<'/api/v1/public/me/matches'>;
/** One online application of the seeker. */
export type Application = ItemOf<'/api/v1/public/me/applications'>;
/** A seeker who applied to the employer's vacancy: shown to that employer with name and phone. */
export type Applicant = ItemOf<'/api/v1/public/me/vacancies/{id}/applications'>;
/** A division from GET /public/regions. */
export type PublicRegion = ItemOf<'/api/v1/public/regions'>;
