// One search result: the whole card links to the vacancy's page, a large target on a phone.
import { Link } from 'react-router-dom';
import { Card, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { vacancyHoursNames } from '../../../shared/labels.js';
import { dateOf, placeText, wageText } from './boardFormat.js';
import type { PublicVacancy } from './types.js';

const hoursNames: Record<string, string> = vacancyHoursNames;

/** The card; `from` is the search (URL query) to go back to from the vacancy's page. */
export function VacancyCard({ vacancy: v, from }: { vacancy: PublicVacancy; from: string }) {
  const open = Math.max(v.headcount - v.filled, 0);
  return (
    <Link
      to={`/jobs/${v.id}`}
      state={{ from }}
      className="board-card-link"
      data-testid="vacancy-card"
      aria-label={`${v.title}，${v.employerName}`}
    >
      <Card size="small" hoverable style={{ height: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: '0 12px', alignItems: 'baseline' }}>
          <span className="board-card-title" data-testid="vacancy-title">
            {v.title}
          </span>
          <span className="board-wage">{wageText(v.wageMin, v.wageMax)}</span>
        </div>
        <Typography.Paragraph ellipsis style={{ margin: '4px 0 8px' }}>
          {v.employerName}
        </Typography.Paragraph>
        <Space size={[12, 4]} wrap style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
          <span>
            <EnvironmentOutlined /> {placeText(v)}
          </span>
          <span>
            <TeamOutlined /> 招 {open} 人
          </span>
          {v.publishedAt && (
            <span>
              <CalendarOutlined /> {dateOf(v.publishedAt)} 发布
            </span>
          )}
        </Space>
        <div style={{ marginTop: 8 }}>
          <Tag>{hoursNames[v.hours] ?? v.hours}</Tag>
          {v.education && <Tag>{v.education}</Tag>}
          {v.skills.map((s) => (
            <Tag key={s} color="blue">
              {s}
            </Tag>
          ))}
        </div>
      </Card>
    </Link>
  );
}
