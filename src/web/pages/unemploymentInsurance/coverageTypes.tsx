// Types, paths and small pieces of 扩面征缴 (UI-6) and the re-employment rate (UI-4), read from the API's schemas.
import { Tag } from 'antd';
import type { Role } from '../../../shared/roles.js';
import { uiFollowUpKindNames, type UiFollowUpKind } from '../../../shared/labels.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** An employer's enrolment in unemployment insurance. */
export type Enrolment = ItemOf<'/api/v1/ui/enrolments'>;
/** A registered employer not enrolled in the month. */
export type NotEnrolled = ItemOf<'/api/v1/ui/coverage/not-enrolled'>;
/** An enrolled employer with months missing or paid short, and those months. */
export type ArrearsRow = ItemOf<'/api/v1/ui/arrears'>;
export type ArrearsMonth = ArrearsRow['months'][number];
/** A follow-up task on an employer: to enrol it or to collect its arrears. */
export type FollowUp = ItemOf<'/api/v1/ui/follow-ups'>;
/** The year's re-employment rate of claimants, with the areas one level down. */
export type ReemploymentRate = ResponseOf<'/api/v1/ui/reemployment-rate'>;

/** Page paths. */
export const coveragePath = '/ui/coverage';
export const reemploymentRatePath = '/ui/reemployment-rate';

/** The tabs of 扩面征缴, by their key in the address (?tab=). */
export const coverageTabs = ['enrolments', 'not-enrolled', 'arrears', 'follow-ups'] as const;
export type CoverageTab = (typeof coverageTabs)[number];

/** Who reads coverage, arrears and follow-ups (the server's coverageReaders); only UI officers write. */
export const coverageStaff: Role[] = ['ui_officer', 'finance', 'leader', 'auditor', 'admin'];
/** Who reads the re-employment rate (the server's readers of it). */
export const reemploymentRateStaff: Role[] = ['ui_officer', 'reviewer', 'finance', 'leader', 'auditor', 'admin'];

const kindColors: Record<UiFollowUpKind, string> = { enrol: 'blue', arrears: 'orange' };

export function FollowUpKindTag({ kind }: { kind: UiFollowUpKind }) {
  return <Tag color={kindColors[kind]}>{uiFollowUpKindNames[kind]}</Tag>;
}
