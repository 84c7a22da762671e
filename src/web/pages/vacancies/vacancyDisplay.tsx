// How a vacancy's status and wage read on every page.
import { Tag } from 'antd';
import { vacancyStatusColors, vacancyStatusNames } from '../../labels.js';
import type { VacancyStatus } from '../../types.js';

const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 450000, 800000 fen → "4,500–8,000 元/月"; one figure when both are equal. */
export function wageText(minFen: number, maxFen: number): string {
  const min = yuan.format(minFen / 100);
  const max = yuan.format(maxFen / 100);
  return `${min === max ? min : `${min}–${max}`} 元/月`;
}

/** The status as a coloured tag (待审核 gold, 已发布 green, 已驳回 red ...). */
export function VacancyStatusTag({ status }: { status: VacancyStatus }) {
  return (
    <Tag color={vacancyStatusColors[status] ?? 'default'} data-testid="vacancy-status">
      {vacancyStatusNames[status] ?? status}
    </Tag>
  );
}
