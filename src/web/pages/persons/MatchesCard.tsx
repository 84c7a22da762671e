// 推荐岗位 on the one-stop person page (JOB-4, JOB-5): the published vacancies that fit the person,
// best first, each with the points of every factor and why, so the counsellor can tell the seeker;
// 推荐 issues the letter. The second tab lists the person's referrals with 登记结果.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Empty, Space, Table, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink } from '../../components/PageLink.js';
import { useLoad } from '../../hooks.js';
import type { Paged, Person, Referral, VacancyMatch } from '../../types.js';
import { MatchScore, ReasonList, ReasonTags, wageRangeText } from '../matching/MatchReasons.js';
import { ReferButton } from '../referrals/ReferButton.js';
import { nextOutcomesOf, OutcomeModal, OutcomeTag } from '../referrals/OutcomeModal.js';
import { ListEmpty } from '../../components/PagedTable.js';

/** The element id of the card, for links that scroll to it (the graduate checklist's 推荐岗位). */
export const matchesCardId = 'matches';

/** True when the ledger holds anything matching can look vacancies up by. */
function hasMatchKeys(person: Person): boolean {
  return !!person.occupation || person.skills.length > 0 || !!person.jobWishes?.occupations?.length || !!person.jobWishes?.keywords?.length;
}

/** Why nothing matched, and what to do about it. */
function NoMatches({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const fillIn = canEdit
    ? '请在“基本信息”中点“编辑”，填写求职意向（意向职业、期望月薪、工作时间）和技能特长后再查看。'
    : '请经办员在人员台账中补填求职意向（意向职业、期望月薪、工作时间）和技能特长后再查看。';
  if (!hasMatchKeys(person)) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <span data-testid="no-matches">
            尚未登记职业、技能或求职意向，无法匹配岗位。
            <br />
            {fillIn}
          </span>
        }
      />
    );
  }
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span data-testid="no-matches">
          本市暂无与其意向职业或技能相符的已发布岗位。
          <br />
          可补充求职意向（如相近职业、技能关键词）扩大匹配范围，或稍后再查看新发布的岗位。
        </span>
      }
    />
  );
}

/** The card; `version` changes when the person changed (wishes edited, registrations). */
export function MatchesCard({ person, version, onChanged }: { person: Person; version: number; onChanged(): void }) {
  const user = useUser();
  const canRefer = hasRole(user, 'clerk', 'job_officer');
  const [tab, setTab] = useState('matches');
  const [referralsVersion, setReferralsVersion] = useState(0);
  const [recording, setRecording] = useState<Referral | null>(null);
  const matches = useLoad(() => get<VacancyMatch[]>(`/persons/${person.id}/matches`, { limit: 20 }), [person.id, version]);
  const referrals = useLoad(
    () => get<Paged<Referral>>('/referrals', { personId: person.id, pageSize: 100 }),
    [person.id, version, referralsVersion],
  );
  const referralOf = new Map((referrals.data?.items ?? []).map((r) => [r.vacancyId, r]));
  const cannotRefer =
    person.employmentStatus === 'employed' && !person.jobSeeking
      ? '该人员已登记就业且未办理求职登记，不能推荐；如需换岗请先办理求职登记'
      : undefined;
  const referred = () => {
    setReferralsVersion((v) => v + 1);
    onChanged(); // the referral is also a service record
  };

  const matchTable = matches.error ? (
    <Alert type="error" showIcon title={errorText(matches.error)} />
  ) : (
    <Table<VacancyMatch>
      rowKey="vacancyId"
      size="small"
      loading={matches.loading}
      dataSource={matches.data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: matches.loading ? <ListEmpty loading /> : <NoMatches person={person} canEdit={hasRole(user, 'clerk')} /> }}
      expandable={{ expandedRowRender: (m) => <ReasonList reasons={m.reasons} />, columnTitle: '理由' }}
      columns={[
        { title: '匹配度', dataIndex: 'score', width: 70, render: (s: number, m) => <MatchScore score={s} reasons={m.reasons} /> },
        {
          title: '岗位与匹配理由（得分/满分，悬停看原因）',
          key: 'vacancy',
          render: (_: unknown, m) => (
            <Space orientation="vertical" size={2}>
              <Space size={8} wrap>
                <PageLink to={`/vacancies/${m.vacancyId}`}>
                  <Typography.Text strong>{m.vacancy.title}</Typography.Text>
                </PageLink>
                <Typography.Text type="secondary">{m.vacancy.employerName}</Typography.Text>
              </Space>
              <Typography.Text style={{ fontSize: 12 }}>
                {wageRangeText(m.vacancy.wageMin, m.vacancy.wageMax)} · {m.vacancy.regionName ?? m.vacancy.regionCode} · 尚缺{' '}
                {Math.max(m.vacancy.headcount - m.vacancy.filled, 0)} 人 · 有效期至 {m.vacancy.validUntil}
              </Typography.Text>
              <ReasonTags reasons={m.reasons} maxWidth={520} />
            </Space>
          ),
        },
        ...(canRefer
          ? [
              {
                title: '操作',
                key: 'refer',
                width: 90,
                render: (_: unknown, m: VacancyMatch) => (
                  <ReferButton
                    personId={person.id}
                    vacancyId={m.vacancyId}
                    description={`${person.name} → ${m.vacancy.title}（${m.vacancy.employerName}）`}
                    earlier={referralOf.get(m.vacancyId)}
                    disabledReason={cannotRefer}
                    onReferred={referred}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );

  const referralTable = (
    <Table<Referral>
      rowKey="id"
      size="small"
      data-testid="person-referrals"
      loading={referrals.loading}
      dataSource={referrals.data?.items ?? []}
      pagination={false}
      locale={{
        emptyText: referrals.error ? (
          errorText(referrals.error)
        ) : (
          <ListEmpty loading={referrals.loading} text="尚无推荐记录：在“匹配岗位”中点“推荐”开具介绍信" />
        ),
      }}
      columns={[
        { title: '推荐日期', dataIndex: 'date', width: 110 },
        {
          title: '岗位',
          key: 'vacancy',
          render: (_: unknown, r) => (
            <span>
              {r.vacancyTitle}
              <Typography.Text type="secondary">（{r.employerName}）</Typography.Text>
            </span>
          ),
        },
        { title: '验证码', dataIndex: 'verificationCode', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
        { title: '结果', key: 'outcome', render: (_: unknown, r) => <OutcomeTag referral={r} /> },
        {
          title: '操作',
          key: 'actions',
          render: (_: unknown, r) => (
            <Space size={8}>
              <Link to={`/referrals/${r.id}/letter`}>介绍信</Link>
              {canRefer && nextOutcomesOf(r).length > 0 && (
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setRecording(r)}>
                  登记结果
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <Card
      title="推荐岗位"
      id={matchesCardId}
      data-testid="matches-card"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={matches.reload}>
          刷新
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        size="small"
        items={[
          { key: 'matches', label: `匹配岗位${matches.data ? `（${matches.data.length}）` : ''}`, children: matchTable },
          { key: 'referrals', label: `推荐记录${referrals.data ? `（${referrals.data.total}）` : ''}`, children: referralTable },
        ]}
      />
      <OutcomeModal
        referral={recording}
        onClose={() => setRecording(null)}
        onDone={() => {
          setReferralsVersion((v) => v + 1);
          onChanged(); // a hire is an employment registration
        }}
      />
    </Card>
  );
}
