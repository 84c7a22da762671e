// 零就业家庭个案 at /zero-employment/:id (AID-3): the household, the dates and status with the
// 超期督办 and 补录 notes, the caseworker, the members and the plan with its measures. Clerks name
// the caseworker, plan steps and record measures; the case is resolved by a member's employment
// registration on the person page, never here, and then shows how and on what record.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { EmploymentStatusTag } from '../../components/PersonTags.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { ageOn, shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { caseMeasureKindNames, caseResolutionNames, labourCapacityNames, relationNames } from '../../labels.js';
import type { EmploymentStatus, LabourCapacity } from '../../types.js';
import { PlacementModal } from '../posts/PostDialogs.js';
import { AssignCaseworkerModal, MeasureModal, MeasureTakenModal } from './CaseDialogs.js';
import { casesPath, type CaseDetail, type CaseMeasure } from './caseTypes.js';
import { CaseDeadlineText, CaseStatusTags } from './ZeroEmploymentPage.js';

type Member = CaseDetail['members'][number];

/** The members with their status; names link to the person where the user may open them. */
function CaseMembers({ members, onPlace }: { members: Member[]; onPlace?: ((m: Member) => void) | undefined }) {
  const today = shanghaiToday();
  return (
    <Table<Member>
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={members}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '姓名', dataIndex: 'name', render: (n: string, m) => <PersonLink personId={m.personId}>{n}</PersonLink> },
        { title: '与户主关系', dataIndex: 'relation', render: (r: string) => relationNames[r] ?? r },
        { title: '年龄', dataIndex: 'birthDate', render: (b: string) => ageOn(b, today) },
        {
          title: '劳动能力',
          dataIndex: 'labourCapacity',
          render: (c: string) => labourCapacityNames[c as LabourCapacity] ?? c,
        },
        {
          title: '就业状态',
          dataIndex: 'employmentStatus',
          render: (s: string, m) => <EmploymentStatusTag status={s as EmploymentStatus} since={m.statusSince} />,
        },
        ...(onPlace && members.some((m) => m.employmentStatus === 'unemployed')
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, m: Member) =>
                  m.employmentStatus === 'unemployed' && (
                    <Button size="small" type="link" onClick={() => onPlace(m)}>
                      安置公益性岗位
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Where a step stands: taken on a day, or planned and due (red once past its day). */
function MeasureState({ m, today }: { m: CaseMeasure; today: string }) {
  if (m.takenOn) return <Tag color="green">已办理</Tag>;
  if (m.dueOn && m.dueOn < today) return <Tag color="red">逾期未办</Tag>;
  return <Tag color="blue">计划中</Tag>;
}

/** The plan and the measures, with 登记办理 on planned steps while the case is open to the user. */
function MeasuresTable({ measures, canWrite, onTake }: { measures: CaseMeasure[]; canWrite: boolean; onTake(m: CaseMeasure): void }) {
  const today = shanghaiToday();
  return (
    <Table<CaseMeasure>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={measures}
      scroll={{ x: 'max-content' }}
      data-testid="measures"
      locale={{
        emptyText: <ListEmpty loading={false} text={canWrite ? '尚无帮扶计划和措施，可点“添加计划或措施”登记' : '尚无帮扶计划和措施'} />,
      }}
      columns={[
        { title: '措施类型', dataIndex: 'kind', render: (k: CaseMeasure['kind']) => caseMeasureKindNames[k] ?? k },
        {
          title: '帮扶对象',
          dataIndex: 'personName',
          render: (n: string | null) => n ?? <Typography.Text type="secondary">全家</Typography.Text>,
        },
        { title: '计划日期', dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
        { title: '办理日期', dataIndex: 'takenOn', render: (d: string | null) => d ?? '—' },
        { title: '状态', key: 'state', render: (_: unknown, m) => <MeasureState m={m} today={today} /> },
        {
          title: '措施内容',
          dataIndex: 'note',
          render: (n: string) => <div style={{ minWidth: 160, maxWidth: 320, whiteSpace: 'pre-wrap' }}>{n}</div>,
        },
        {
          title: '办理结果',
          dataIndex: 'outcome',
          render: (o: string | null) => <div style={{ minWidth: 120, maxWidth: 280, whiteSpace: 'pre-wrap' }}>{o ?? '—'}</div>,
        },
        ...(canWrite && measures.some((m) => !m.takenOn)
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, m: CaseMeasure) =>
                  m.takenOn ? null : (
                    <Button size="small" type="link" onClick={() => onTake(m)}>
                      登记办理
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The case page. */
export function CasePage() {
  const { id = '' } = useParams();
  const user = useUser();
  const isClerk = hasRole(user, 'clerk');
  const loaded = useLoad(() => get<CaseDetail>(`${casesPath}/${id}`), [id]);
  // A write answers with the updated case: it replaces the loaded one until the next load.
  const [updated, setUpdated] = useState<CaseDetail>();
  const [dialog, setDialog] = useState<'assign' | 'measure' | null>(null);
  const [taking, setTaking] = useState<CaseMeasure | null>(null);
  const [placing, setPlacing] = useState<Member | null>(null);
  const fresh = updated?.id === id ? updated : undefined;
  const c = fresh ?? (loaded.data?.id === id ? loaded.data : undefined);
  if (loaded.error && !c) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!c) return <Spin size="large" />;
  const resolved = c.status === 'resolved';
  const canWrite = isClerk && !resolved;
  const done = (next: CaseDetail) => {
    setUpdated(next);
    setDialog(null);
    setTaking(null);
  };
  const head = c.members.find((m) => m.relation === 'head') ?? c.members[0];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{head ? `${head.name}家` : '零就业家庭'}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              零就业家庭个案
            </Typography.Text>
            <span data-testid="case-status">
              <CaseStatusTags status={c.status} escalated={c.escalated} />
            </span>
            {c.overdueOnEntry && <Tag color="orange">补录时已超期</Tag>}
          </Space>
        }
        extra={
          <Space>
            <PageLink to={`/households/${c.householdId}`}>家庭档案</PageLink>
            <PageLink to="/zero-employment">返回清单</PageLink>
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {c.escalated && (
            <Alert
              type="error"
              showIcon
              title="已超过解决期限，上级（街道、区县）督办"
              description={
                c.overdueOnEntry
                  ? `该家庭自 ${c.detectedOn} 起成为零就业家庭，${c.recordedOn} 录入系统时已超过解决期限 ${c.deadline}。请尽快帮助至少一名成员实现就业。`
                  : '请尽快帮助至少一名成员实现就业。'
              }
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            data-testid="case-facts"
            items={[
              { key: 'head', label: '户主', children: head?.name ?? '—' },
              { key: 'address', label: '家庭住址', children: c.address ?? '（未登记住址）' },
              { key: 'region', label: '所在社区', children: <RegionLabel prefix={c.regionCode} /> },
              { key: 'detected', label: '认定日期', children: c.detectedOn },
              { key: 'deadline', label: '解决期限', children: <CaseDeadlineText deadline={c.deadline} status={c.status} /> },
              {
                key: 'recorded',
                label: '录入日期',
                children: (
                  <Space size={4}>
                    {c.recordedOn}
                    {c.overdueOnEntry && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        补录
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                key: 'caseworker',
                label: '承办人',
                children: (
                  <Space size={8} data-testid="caseworker">
                    {c.caseworkerName ?? (resolved ? '—' : <Typography.Text type="warning">未指定</Typography.Text>)}
                    {canWrite && (
                      <Button size="small" onClick={() => setDialog('assign')}>
                        {c.caseworkerId ? '更换' : '指定'}
                      </Button>
                    )}
                  </Space>
                ),
              },
              ...(resolved
                ? [
                    { key: 'resolvedOn', label: '解决日期', children: c.resolvedOn ?? '—' },
                    {
                      key: 'resolution',
                      label: '解决方式',
                      children: c.resolution ? (caseResolutionNames[c.resolution] ?? c.resolution) : '—',
                    },
                    { key: 'evidence', label: '解决依据', children: c.resolutionEvidence ?? '—' },
                  ]
                : []),
            ]}
          />
          {!resolved && (
            <Typography.Text type="secondary">
              成员在人员页办理就业登记或在此安置公益性岗位后，个案按就业日期和就业形式自动解决，无需另行操作。
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Card title="家庭成员">
        <CaseMembers members={c.members} onPlace={canWrite ? setPlacing : undefined} />
      </Card>
      <Card
        title="帮扶计划与措施"
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('measure')}>
              添加计划或措施
            </Button>
          )
        }
      >
        <MeasuresTable measures={c.measures} canWrite={canWrite} onTake={setTaking} />
      </Card>
      {canWrite && (
        <>
          <AssignCaseworkerModal open={dialog === 'assign'} detail={c} onClose={() => setDialog(null)} onDone={done} />
          <MeasureModal open={dialog === 'measure'} detail={c} onClose={() => setDialog(null)} onDone={done} />
          <MeasureTakenModal measure={taking} detail={c} onClose={() => setTaking(null)} onDone={done} />
          <PlacementModal
            open={!!placing}
            person={placing && { id: placing.personId, name: placing.name, areaCode: c.regionCode }}
            onClose={() => setPlacing(null)}
            onDone={() => {
              // The placement registered the employment: the case reloads resolved.
              setPlacing(null);
              setUpdated(undefined);
              loaded.reload();
            }}
          />
        </>
      )}
    </Space>
  );
}
