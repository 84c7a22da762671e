// How a match is shown wherever one is (JOB-4): the score out of the weights in force, each
// factor's points as a tag with its reason on hover, and the full list a counsellor reads out.
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { matchFactorNames } from '../../labels.js';
import type { MatchReason } from '../../types.js';

const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Monthly wage range from fen: 550000, 800000 → "5,500–8,000 元/月". */
export function wageRangeText(minFen: number, maxFen: number): string {
  if (minFen === maxFen) return `${yuan.format(minFen / 100)} 元/月`;
  return `${yuan.format(minFen / 100)}–${yuan.format(maxFen / 100)} 元/月`;
}

/** The highest score possible: the sum of the factors' full weights. */
export function maxScoreOf(reasons: MatchReason[]): number {
  return reasons.reduce((sum, r) => sum + r.maxWeight, 0);
}

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Full, part or none of a factor's weight: green, gold or grey. */
function colorOf(r: MatchReason): string {
  if (r.maxWeight > 0 && r.weight >= r.maxWeight) return 'green';
  return r.weight > 0 ? 'gold' : 'default';
}

/** The score as a small ring, filled by its share of the highest possible score. */
export function MatchScore({ score, reasons }: { score: number; reasons: MatchReason[] }) {
  const max = maxScoreOf(reasons);
  const share = max > 0 ? Math.round((score / max) * 100) : 0;
  return (
    <Tooltip title={`匹配得分 ${points(score)} / ${points(max)}`}>
      <Progress
        type="circle"
        size={46}
        percent={share}
        format={() => points(score)}
        strokeColor={share >= 70 ? '#389e0d' : share >= 50 ? '#d48806' : '#8c8c8c'}
        data-testid="match-score"
      />
    </Tooltip>
  );
}

/** One tag per factor ("职业 30/30"), wrapping within `maxWidth`; hovering shows why. */
export function ReasonTags({ reasons, maxWidth = 380 }: { reasons: MatchReason[]; maxWidth?: number }) {
  return (
    <Space size={[0, 4]} wrap style={{ maxWidth }} data-testid="match-reasons">
      {reasons.map((r) => (
        <Tooltip key={r.factor} title={r.detail}>
          <Tag color={colorOf(r)}>
            {matchFactorNames[r.factor] ?? r.factor} {points(r.weight)}/{points(r.maxWeight)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Every factor with its points and reason, one a line, for reading out to the seeker. */
export function ReasonList({ reasons }: { reasons: MatchReason[] }) {
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'max-content max-content 1fr', columnGap: 12, rowGap: 4, alignItems: 'baseline' }}
      data-testid="match-reason-list"
    >
      {reasons.map((r) => (
        <div key={r.factor} style={{ display: 'contents' }}>
          <Tag color={colorOf(r)} style={{ marginInlineEnd: 0 }}>
            {matchFactorNames[r.factor] ?? r.factor}
          </Tag>
          <Typography.Text strong>
            {points(r.weight)} / {points(r.maxWeight)} 分
          </Typography.Text>
          <Typography.Text>{r.detail}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
