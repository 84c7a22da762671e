// 求职人员详情 (JOB-4, JOB-5, issue 12): what a job officer needs of one job seeker to refer them —
// who they are (masked identifiers), their status, what they can do and want, and the published
// vacancies that fit them with 推荐 and the referrals so far. The ledger itself (registrations,
// household, certificate) stays with the clerks on the one-stop person page.
import { useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { formatFen } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { occupationName } from '../../../shared/occupations.js';
import type { Person } from '../../types.js';
import { GraduateServiceCard } from '../persons/GraduateServiceCard.js';
import { MatchesCard } from '../persons/MatchesCard.js';
import { PersonHeader } from '../persons/PersonHeader.js';

const none = '—';
const tags = (values: string[] | undefined) =>
  values?.length ? (
    <Space size={[0, 4]} wrap>
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </Space>
  ) : (
    none
  );

/** The seeker page at /seekers/:id. */
export function SeekerPage() {
  const { id = '' } = useParams();
  const [version, setVersion] = useState(0);
  const person = useLoad(() => get<Person>(`/persons/${id}`), [id, version]);
  const p = person.data?.id === id ? person.data : undefined;
  if (person.error) return <Alert type="error" showIcon title={errorText(person.error)} />;
  if (!p) return <Spin size="large" />;
  const wishes = p.jobWishes ?? {};
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PersonHeader person={p} asOf={undefined} />
      <Card title="求职信息" data-testid="seeker-info">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'education', label: '文化程度', children: p.education ?? none },
            { key: 'skills', label: '技能特长', children: tags(p.skills) },
            { key: 'occupations', label: '意向职业', children: tags(wishes.occupations?.map((code) => occupationName(code) ?? code)) },
            { key: 'wage', label: '期望月薪', children: wishes.wageMinFen !== undefined ? `不低于 ${formatFen(wishes.wageMinFen)}` : none },
            { key: 'hours', label: '工作时间', children: wishes.hours ?? none },
            { key: 'categories', label: '人员类别', children: tags(p.categories) },
          ]}
        />
      </Card>
      {/* A registered unemployed graduate's one-to-one checklist (AID-6): the job officer offers the vacancies and records the services. */}
      <GraduateServiceCard person={p} version={version} canWrite onChanged={() => setVersion((v) => v + 1)} />
      <MatchesCard person={p} version={version} onChanged={() => setVersion((v) => v + 1)} />
    </Space>
  );
}
