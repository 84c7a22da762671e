// The head of the one-stop person page: who (name, masked ID with reveal, sex, age, community),
// the status as of a chosen date with its since-date, and 求职中.
import { useState, type ReactNode } from 'react';
import { Button, Card, DatePicker, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { EmploymentStatusTag, JobSeekingTag } from '../../components/PersonTags.js';
import { RevealModal, type RevealRequest } from '../../components/RevealModal.js';
import { ageOn, shanghaiToday } from '../../format.js';
import { householdTypeNames, sexNames } from '../../labels.js';
import { hasRole, useUser } from '../../auth.js';
import type { Person } from '../../types.js';

/** The header card; `asOf` undefined = today; `actions` go under the date (buttons for the person). */
export function PersonHeader({
  person,
  asOf,
  onAsOf,
  actions,
}: {
  person: Person;
  asOf: string | undefined;
  /** Without it there is no as-of date picker (the seeker page shows today only). */
  onAsOf?: (date: string | undefined) => void;
  actions?: ReactNode;
}) {
  // The roles the server lets reveal a full identifier (persons revealPerson); others see no button.
  const canReveal = hasRole(useUser(), 'clerk', 'admin', 'auditor');
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const today = shanghaiToday();
  const askReveal = () =>
    setReveal({
      subject: person.name,
      path: `/persons/${person.id}/reveal`,
      fields: person.phone ? { idNumber: '身份证号', phone: '手机号' } : { idNumber: '身份证号' },
    });
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Space orientation="vertical" size={4}>
          <Space size={12} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-name">
              {person.name}
            </Typography.Title>
            <span data-testid="person-status">
              <EmploymentStatusTag status={person.employmentStatus} since={person.statusSince} />
              <JobSeekingTag seeking={person.jobSeeking} />
            </span>
            {asOf && asOf !== today && <Tag color="purple">截至 {asOf} 的状态</Tag>}
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'id',
                label: '身份证号',
                children: (
                  <Space size={4}>
                    <Typography.Text style={{ fontFamily: 'monospace' }}>{person.idNumber}</Typography.Text>
                    {canReveal && (
                      <Tooltip title="查看完整号码（记入审计日志）">
                        <Button size="small" type="link" icon={<EyeOutlined />} onClick={askReveal}>
                          查看完整号码
                        </Button>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              { key: 'sex', label: '性别', children: sexNames[person.sex] ?? person.sex },
              { key: 'age', label: '年龄', children: `${ageOn(person.birthDate, asOf ?? today)} 周岁（${person.birthDate} 出生）` },
              { key: 'region', label: '居住社区', children: person.regionName ?? person.regionCode },
              { key: 'type', label: '户籍性质', children: householdTypeNames[person.householdType] ?? person.householdType },
              { key: 'phone', label: '手机号', children: person.phone ?? '未登记' },
            ]}
          />
          {person.idConvertedFrom15 && <Typography.Text type="secondary">身份证号由 15 位旧号码转换而来</Typography.Text>}
        </Space>
        <Space orientation="vertical" size={4} align="end">
          {onAsOf && (
            <>
              <Typography.Text type="secondary">截至日期（查看该日的状态）</Typography.Text>
              <DatePicker
                aria-label="截至日期"
                value={asOf ? dayjs(asOf) : dayjs(today)}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                allowClear={false}
                onChange={(d) => onAsOf(d && d.format('YYYY-MM-DD') !== today ? d.format('YYYY-MM-DD') : undefined)}
              />
            </>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            经办机构：{person.unitName ?? '—'}
          </Typography.Text>
          {actions && <div style={{ marginTop: 8 }}>{actions}</div>}
        </Space>
      </div>
      <RevealModal request={reveal} onClose={() => setReveal(null)} />
    </Card>
  );
}
