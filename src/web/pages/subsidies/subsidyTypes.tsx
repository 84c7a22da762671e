// Types, names and small pieces of the subsidy pages (AID-8), read from the API's schemas.
import { Tag } from 'antd';
import type { Role } from '../../../shared/roles.js';
import { subsidyStatusNames, type SubsidyStatus } from '../../../shared/labels.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** One row of the subsidy list. */
export type SubsidyItem = ItemOf<'/api/v1/assistance/subsidies'>;
/** A subsidy with its reasons, decision and payments. */
export type Subsidy = ResponseOf<'/api/v1/assistance/subsidies/{id}'>;
/** What a subsidy run answers. */
export type SubsidyRun = ResponseOf<'/api/v1/assistance/subsidy-runs', 'post'>;

/** The API's path of the subsidies. */
export const subsidiesPath = '/assistance/subsidies';
export const subsidyPagePath = '/subsidies';

/** Who sees subsidies: clerks apply, reviewers decide, finance pays, leaders and admins read. */
export const subsidyStaff: Role[] = ['clerk', 'reviewer', 'finance', 'leader', 'admin'];

const statusColors: Record<SubsidyStatus, string> = { applied: 'gold', approved: 'blue', rejected: 'red', paid: 'green' };

export function SubsidyStatusTag({ status }: { status: SubsidyStatus }) {
  return <Tag color={statusColors[status]}>{subsidyStatusNames[status]}</Tag>;
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen as yuan with two decimals and thousands separators. */
export const yuanText = (fen: number) => yuanFormat.format(fen / 100);
