// 匹配求职者 at /vacancies/:id/matches (JOB-4, JOB-5): job seekers in the user's scope who fit a
// vacancy, best first, each with the points of every factor and why, and 推荐 for each. Sex,
// ethnicity, age and other protected traits are not scored (the API leaves them out).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { EmploymentStatusTag } from '../../components/PersonTags.js';
import { useLoad } from '../../hooks.js';
import { vacancyStatusColors, vacancyStatusNames } from '../../labels.js';
import type { Paged, PersonMatch, Referral, Vacancy } from '../../types.js';
import { occupationName } from '../../../shared/occupations.js';
import { ReferButton } from '../referrals/ReferButton.js';
import { MatchScore, ReasonList, ReasonTags, wageRangeText } from './MatchReasons.js';

const limit = 50;

/** The page. */
export function VacancyMatchesPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const canRefer = hasRole(user, 'clerk', 'job_officer');
  const [referralsVersion, setReferralsVersion] = useState(0);
  const vacancy = useLoad(() => get<Vacancy>(`/vacancies/${id}`), [id]);
  const matches = useLoad(() => get<PersonMatch[]>(`/vacancies/${id}/matches`, { limit }), [id]);
  const referrals = useLoad(() => get<Paged<Referral>>('/referrals', { vacancyId: id, pageSize: 100 }), [id, referralsVersion]);
  const referralOf = new Map((referrals.data?.items ?? []).map((r) => [r.personId, r]));

  if (vacancy.error) return <Alert type="error" showIcon title={errorText(vacancy.error)} />;
  const v = vacancy.data;
  if (!v) return <Spin size="large" />;
  const notPublished =
    v.status !== 'published' ? `岗位${vacancyStatusNames[v.status] ?? v.status}，只能向已发布、在有效期内的岗位推荐` : undefined;
  const open = Math.max(v.headcount - v.filled, 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <PageLink to={`/vacancies/${v.id}`}>
              <ArrowLeftOutlined /> 岗位详情
            </PageLink>
            <Typography.Text strong>{v.title}</Typography.Text>
            <Tag color={vacancyStatusColors[v.status]}>{vacancyStatusNames[v.status] ?? v.status}</Tag>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'employer', label: '用人单位', children: v.employerName },
            {
              key: 'occupation',
              label: '职业',
              children: v.occupation ? `${occupationName(v.occupation) ?? ''}（${v.occupation}）` : '未填',
            },
            { key: 'skills', label: '技能要求', children: v.skills.length ? v.skills.join('、') : '无' },
            { key: 'wage', label: '月工资', children: wageRangeText(v.wageMin, v.wageMax) },
            { key: 'place', label: '工作地点', children: v.regionName ?? v.regionCode },
            { key: 'headcount', label: '招聘人数', children: `${v.headcount} 人（已录用 ${v.filled} 人，尚缺 ${open} 人）` },
            { key: 'education', label: '文化程度', children: v.education ?? '不限' },
            { key: 'valid', label: '有效期至', children: v.validUntil },
          ]}
        />
      </Card>
      <Card
        title="匹配求职者"
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={matches.reload}>
            刷新
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          在您管辖范围内办理了求职登记或失业登记、职业或技能与岗位相近的人员，按匹配得分从高到低列出前 {limit}{' '}
          名。评分只看职业、技能、地点、工资、文化程度和工作时间（就业困难等重点群体优先），不看性别、民族、年龄等。展开一行可看每项得分的理由。
        </Typography.Paragraph>
        {matches.error ? <Alert type="error" showIcon title={errorText(matches.error)} style={{ marginBottom: 16 }} /> : null}
        <Table<PersonMatch>
          rowKey="personId"
          size="middle"
          loading={matches.loading}
          dataSource={matches.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: matches.loading ? (
              ' '
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  !v.occupation && v.skills.length === 0
                    ? '岗位未填职业代码和技能要求，无法匹配；请先在岗位中补填。'
                    : '管辖范围内暂无职业或技能相符的求职者。'
                }
              />
            ),
          }}
          expandable={{ expandedRowRender: (m) => <ReasonList reasons={m.reasons} />, columnTitle: '理由' }}
          columns={[
            { title: '匹配度', dataIndex: 'score', width: 70, render: (s: number, m) => <MatchScore score={s} reasons={m.reasons} /> },
            {
              title: '姓名',
              key: 'name',
              render: (_: unknown, m) => (
                <Space orientation="vertical" size={0}>
                  <PersonLink personId={m.personId}>{m.person.name}</PersonLink>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {m.person.idNumber}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '居住社区', key: 'region', render: (_: unknown, m) => m.person.regionName ?? m.person.regionCode },
            { title: '就业状态', key: 'status', render: (_: unknown, m) => <EmploymentStatusTag status={m.person.employmentStatus} /> },
            {
              title: '人员类别',
              key: 'categories',
              render: (_: unknown, m) =>
                m.person.categories.length ? (
                  <Space size={[0, 4]} wrap>
                    {m.person.categories.map((c) => (
                      <Tag key={c}>{c}</Tag>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: '匹配理由（得分/满分）', key: 'reasons', render: (_: unknown, m) => <ReasonTags reasons={m.reasons} /> },
            ...(canRefer
              ? [
                  {
                    title: '操作',
                    key: 'refer',
                    width: 110,
                    fixed: 'right' as const,
                    render: (_: unknown, m: PersonMatch) => (
                      <ReferButton
                        personId={m.personId}
                        vacancyId={v.id}
                        description={`${m.person.name} → ${v.title}（${v.employerName}）`}
                        earlier={referralOf.get(m.personId)}
                        disabledReason={notPublished ?? (open === 0 ? '岗位已招满' : undefined)}
                        onReferred={() => setReferralsVersion((n) => n + 1)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
