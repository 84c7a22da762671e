// 招聘会 (JOB-8): the calendar of coming job fairs, general and special (农民工, 高校毕业生,
// “4050”人员 ...), with date, venue and how many employers have booths. Entry is free.
import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, ShopOutlined } from '@ant-design/icons';
import { jobFairKindNames } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { daysBetween, shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { dateWithWeekday, districtName, weekdayOf } from './boardFormat.js';
import type { PublicFair } from './types.js';

const kindNames: Record<string, string> = jobFairKindNames;

/** "今天" / "明天" / "还有 12 天". */
function countdown(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days <= 0) return '今天';
  if (days === 1) return '明天';
  return `还有 ${days} 天`;
}

/** Fairs by month ('2026-12'), in date order as the API gives them. */
function byMonth(fairs: PublicFair[]): [string, PublicFair[]][] {
  const months = new Map<string, PublicFair[]>();
  for (const f of fairs) months.set(f.date.slice(0, 7), [...(months.get(f.date.slice(0, 7)) ?? []), f]);
  return [...months];
}

/** The fairs page. */
export function BoardFairsPage() {
  const { data, error, reload } = useLoad(() => get<PublicFair[]>('/public/fairs', { limit: 50 }), []);
  const today = shanghaiToday();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        招聘会
      </Typography.Title>
      <Typography.Paragraph type="secondary">公共就业服务机构举办的综合招聘会和专场洽谈会，求职者免费参加。</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={reload}>重试</Button>} />
      ) : !data ? (
        <Skeleton active />
      ) : data.length === 0 ? (
        <Empty
          style={{ padding: '32px 0', background: '#fff', borderRadius: 8, margin: 0 }}
          description="近期没有招聘会安排，请过几天再来看看。"
        />
      ) : (
        byMonth(data).map(([month, fairs]) => (
          <section key={month} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {month.slice(0, 4)}年{Number(month.slice(5))}月
            </Typography.Title>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {fairs.map((f) => (
                <FairCard key={f.id} fair={f} today={today} />
              ))}
            </Space>
          </section>
        ))
      )}
    </>
  );
}

function FairCard({ fair: f, today }: { fair: PublicFair; today: string }) {
  const district = districtName(f.regionCode);
  const place = district && !f.venue.includes(district) ? `${district} · ${f.venue}` : f.venue;
  return (
    <Card size="small" data-testid="fair-card">
      <div className="board-fair">
        <div className="board-fair-date" aria-hidden>
          <div style={{ fontSize: 12 }}>{Number(f.date.slice(5, 7))}月</div>
          <div className="board-fair-day">{Number(f.date.slice(8))}</div>
          <div style={{ fontSize: 12 }}>{weekdayOf(f.date)}</div>
        </div>
        <div className="board-fair-body">
          <Space size={[8, 4]} wrap style={{ marginBottom: 4 }}>
            <Tag color="blue">{kindNames[f.kind] ?? f.kind}</Tag>
            <Tag color="orange">{countdown(f.date, today)}</Tag>
          </Space>
          <div className="board-card-title" data-testid="fair-name">
            {f.name}
          </div>
          <Space orientation="vertical" size={2} style={{ marginTop: 8, color: 'rgba(0,0,0,0.65)' }}>
            <span>
              <CalendarOutlined /> {dateWithWeekday(f.date)}
            </span>
            <span>
              <EnvironmentOutlined /> {place}
            </span>
            <span>
              <ShopOutlined /> 参会单位 {f.boothCount} 家{f.vacancyCount > 0 ? `，岗位 ${f.vacancyCount} 个，招聘 ${f.headcount} 人` : ''}
            </span>
          </Space>
          {f.description && (
            <Typography.Paragraph className="board-pre" type="secondary" style={{ margin: '8px 0 0' }}>
              {f.description}
            </Typography.Paragraph>
          )}
        </div>
      </div>
    </Card>
  );
}
