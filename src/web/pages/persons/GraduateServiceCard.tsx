// 高校毕业生“一对一”服务 (AID-6) on the person page: within the deadline from the unemployment
// registration, one policy consultation, one vocational guidance and the required number of
// vacancies offered. The server ticks the checklist from service records and referrals; clerks
// record the missing service from here and offer vacancies through 推荐岗位. Anyone but a registered
// unemployed graduate has no checklist (the API answers 409): then there is no card.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError, get } from '../../api.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import { graduateServiceStatusColors, graduateServiceStatusNames } from '../../labels.js';
import type { GraduateService, Person } from '../../types.js';
import type { ServiceType } from '../../../shared/labels.js';
import { GivenMark, VacanciesMark } from './graduateChecklist.js';
import { matchesCardId } from './MatchesCard.js';
import { RecordServiceModal } from './ServicesCard.js';

/** REG-4: a graduation year, or the category, makes a graduate (the server decides the rest). */
const isGraduate = (person: Person) => person.graduationYear !== null || person.categories.includes('高校毕业生');

const scrollToMatches = () => document.getElementById(matchesCardId)?.scrollIntoView({ block: 'start' });

interface Item {
  key: string;
  label: string;
  type: ServiceType;
  done: boolean;
  mark: ReactNode;
}

/** The card; reloads with `version`, and calls `onChanged` after a service is recorded. */
export function GraduateServiceCard({
  person,
  version,
  canWrite,
  onChanged,
}: {
  person: Person;
  version: number;
  canWrite: boolean;
  onChanged(): void;
}) {
  const graduate = isGraduate(person);
  const checklist = useLoad(
    () => (graduate ? get<GraduateService>(`/persons/${person.id}/graduate-service`) : Promise.resolve(null)),
    [person.id, graduate, version],
  );
  const [recording, setRecording] = useState<ServiceType | null>(null);
  const notEligible = checklist.error instanceof ApiError && checklist.error.status === 409;
  if (!graduate || notEligible) return null;

  const c = checklist.data;
  const open = c?.status === 'open';
  const items: Item[] = c
    ? [
        { key: 'consultation', label: '政策咨询', type: 'consultation', done: c.consultation, mark: <GivenMark given={c.consultation} /> },
        { key: 'guidance', label: '职业指导', type: 'vocational_guidance', done: c.guidance, mark: <GivenMark given={c.guidance} /> },
        {
          key: 'vacancies',
          label: '岗位信息',
          type: 'vacancy_information',
          done: c.vacanciesOffered >= c.vacanciesRequired,
          mark: <VacanciesMark offered={c.vacanciesOffered} required={c.vacanciesRequired} />,
        },
      ]
    : [];
  const actionsOf = (item: Item) => {
    if (!canWrite || !open || item.done) return [];
    const record = (
      <Button key="record" size="small" icon={<PlusOutlined />} onClick={() => setRecording(item.type)}>
        记录{item.label}
      </Button>
    );
    if (item.type !== 'vacancy_information') return [record];
    return [
      record,
      <Button key="refer" size="small" type="link" icon={<SendOutlined />} onClick={scrollToMatches}>
        推荐岗位
      </Button>,
    ];
  };

  return (
    <Card
      title="高校毕业生“一对一”服务"
      id="graduate-service"
      data-testid="graduate-service-card"
      loading={checklist.loading && !c}
      extra={
        c && (
          <Tag color={graduateServiceStatusColors[c.status]} data-testid="graduate-service-status" style={{ marginInlineEnd: 0 }}>
            {graduateServiceStatusNames[c.status]}
          </Tag>
        )
      }
    >
      {checklist.error ? (
        <Typography.Text type="danger">{errorText(checklist.error)}</Typography.Text>
      ) : c ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="登记失业日期">{c.since}</Descriptions.Item>
            <Descriptions.Item label="服务时限">
              <span data-testid="graduate-service-deadline">
                <DeadlineText deadline={c.deadline} state={c.status === 'complete' ? 'settled' : c.status} />
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            服务时限内提供一次政策咨询、一次职业指导和 {c.vacanciesRequired} 次岗位信息（推荐介绍计入）；按服务记录自动勾选。
          </Typography.Text>
          {c.status === 'overdue' ? (
            <Alert
              type="error"
              showIcon
              title="已超过服务时限，清单未完成"
              description="时限后提供的服务仍请在“服务记录”中登记，但不计入本清单。"
            />
          ) : null}
          <List
            size="small"
            bordered
            dataSource={items}
            renderItem={(item) => (
              <List.Item key={item.key} data-testid={`graduate-item-${item.key}`} actions={actionsOf(item)}>
                <Space size={16}>
                  <Typography.Text strong style={{ display: 'inline-block', width: 64 }}>
                    {item.label}
                  </Typography.Text>
                  {item.mark}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      ) : null}
      <RecordServiceModal
        person={person}
        open={recording !== null}
        type={recording ?? undefined}
        onClose={() => setRecording(null)}
        onDone={onChanged}
      />
    </Card>
  );
}
