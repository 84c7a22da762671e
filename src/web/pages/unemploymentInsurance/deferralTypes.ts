// Types and paths of deferral agreements (缓发协议, seed 002 §(八)) and claim caseworkers (UI-4), read from the API's schemas.
import type { ResponseOf } from '../../apiTypes.js';

/** The year's deferral agreement rate, with the page of claims missing one when asked (missing=true). */
export type DeferralRate = ResponseOf<'/api/v1/ui/deferrals'>;
export type MissingDeferral = NonNullable<DeferralRate['items']>[number];
/** A claim's caseworkers, the current one first. */
export type ClaimCaseworkers = ResponseOf<'/api/v1/ui/claims/{id}/caseworkers'>;

export const deferralsApi = '/ui/deferrals';
export const deferralsPath = '/ui/deferrals';
export const deferralApi = (claimId: string) => `/ui/claims/${claimId}/deferral`;
export const caseworkerApi = (claimId: string) => `/ui/claims/${claimId}/caseworker`;
