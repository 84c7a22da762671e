// Types of the zero-employment casework pages, read from the API's schemas (AID-3).
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** One row of the case list. */
export type CaseItem = ItemOf<'/api/v1/assistance/zero-employment-cases'>;
/** A case with its members, caseworker, plan and measures. */
export type CaseDetail = ResponseOf<'/api/v1/assistance/zero-employment-cases/{id}'>;
/** One step of a case's plan, or a measure taken. */
export type CaseMeasure = CaseDetail['measures'][number];
/** The month's figures per area. */
export type CaseMonth = ResponseOf<'/api/v1/assistance/zero-employment-cases/monthly'>;
/** A staff member as the staff list gives them. */
export type StaffItem = ItemOf<'/api/v1/staff'>;

/** The API's path of the cases. */
export const casesPath = '/assistance/zero-employment-cases';
