// Tags of a person's situation: employment status (with since-date) and 求职中.
import { Tag } from 'antd';
import { employmentStatusColors, employmentStatusNames } from '../labels.js';
import type { EmploymentStatus } from '../types.js';

/** 就业 / 登记失业 / 未登记, optionally with the date the status began. */
export function EmploymentStatusTag({ status, since }: { status: EmploymentStatus; since?: string | null }) {
  return (
    <Tag color={employmentStatusColors[status]} data-status={status}>
      {employmentStatusNames[status] ?? status}
      {since ? `（${since} 起）` : ''}
    </Tag>
  );
}

/** 求职中, shown only while a job-seeker registration is in force. */
export function JobSeekingTag({ seeking }: { seeking: boolean }) {
  return seeking ? <Tag color="blue">求职中</Tag> : null;
}
