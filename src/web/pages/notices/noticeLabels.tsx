// How the staff pages name and colour a notice's category and state.
import { Tag, Tooltip } from 'antd';
import { noticeCategoryNames, noticeStatusNames } from '../../../shared/notices.js';
import type { Notice } from './types.js';

const categoryNames: Record<string, string> = noticeCategoryNames;
const statusNames: Record<string, string> = noticeStatusNames;
const statusColors: Record<string, string> = {
  draft: 'default',
  submitted: 'gold',
  published: 'green',
  scheduled: 'cyan',
  expired: 'default',
  withdrawn: 'red',
};
const categoryColors: Record<string, string> = { employment_policy: 'blue', subsidy: 'volcano', recruitment: 'green', training: 'purple' };

/** 就业政策 / 补贴申领 …, in its colour. */
export function CategoryTag({ category }: { category: string }) {
  return <Tag color={categoryColors[category]}>{categoryNames[category] ?? category}</Tag>;
}

/** The state; a draft a reviewer sent back reads 已退回, with the reason on hover. */
export function NoticeStatusTag({ notice }: { notice: Pick<Notice, 'status' | 'reviewComment' | 'reviewedAt'> }) {
  if (notice.status === 'draft' && notice.reviewedAt) {
    return (
      <Tooltip title={`退回原因：${notice.reviewComment ?? ''}`}>
        <Tag color="orange">已退回</Tag>
      </Tooltip>
    );
  }
  return <Tag color={statusColors[notice.status]}>{statusNames[notice.status] ?? notice.status}</Tag>;
}

/** "长期有效", "至 2027-01-31", "2026-12-01 至 2027-01-31". */
export function validityText(n: { validFrom: string | null; validUntil: string | null }): string {
  if (!n.validFrom && !n.validUntil) return '长期有效';
  if (!n.validFrom) return `至 ${n.validUntil}`;
  return `${n.validFrom} 至 ${n.validUntil ?? '长期'}`;
}
