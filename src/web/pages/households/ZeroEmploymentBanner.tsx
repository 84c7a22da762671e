// The 零就业家庭 banner: when it was recognised, the deadline to resolve it, and the days left or
// overdue (AID-3).
import { Alert } from 'antd';
import { daysBetween, deadlineText, shanghaiToday } from '../../format.js';
import type { Household } from '../../types.js';

/** Nothing unless the household is a zero-employment household. */
export function ZeroEmploymentBanner({ household, compact = false }: { household: Household; compact?: boolean }) {
  if (!household.zeroEmployment) return null;
  const c = household.openCase;
  const overdue = c ? daysBetween(shanghaiToday(), c.deadline) < 0 : false;
  const facts = c
    ? `认定日期 ${c.detectedOn}，解决期限 ${c.deadline}（${deadlineText(c.deadline)}）`
    : `自 ${household.zeroEmploymentSince ?? '—'} 起`;
  return (
    <Alert
      type={overdue ? 'error' : 'warning'}
      showIcon
      data-testid="zero-employment-banner"
      title={`零就业家庭：${facts}`}
      description={
        compact
          ? undefined
          : '家庭中有劳动能力的就业年龄成员均处于登记失业状态。请在解决期限内帮助至少一人实现就业（公益性岗位、职业介绍、技能培训等），成员办理就业登记后自动解除。'
      }
    />
  );
}
