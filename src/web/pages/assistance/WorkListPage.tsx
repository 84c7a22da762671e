// 工作台 (AID-2): the first page a community clerk sees. Today's and overdue visits of the persons
// they are caseworker of, the zero-employment cases of their area due soon or overdue, and the
// graduates near their one-to-one deadline; each row opens the person or the case.
import { Link } from 'react-router-dom';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { get } from '../../api.js';
import { useUser } from '../../auth.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import type { WorkList } from '../../types.js';

type VisitRow = WorkList['visits']['items'][number];
type CaseRow = WorkList['cases']['items'][number];
type GraduateRow = WorkList['graduates']['items'][number];

const stateOf = (status: string) => (status === 'overdue' ? 'overdue' : status === 'due_soon' ? 'due_soon' : 'open');
const today = () =>
  new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });

/** A count card at the top: the section's total, its overdue part in red. */
function Count({ title, total, overdue, unit, href }: { title: string; total: number; overdue: number; unit: string; href: string }) {
  return (
    <Card size="small">
      <Statistic title={title} value={total} suffix={unit} />
      <Space size={8}>
        <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'}>其中逾期 {overdue}</Typography.Text>
        <Link to={href}>查看全部</Link>
      </Space>
    </Card>
  );
}

export function WorkListPage() {
  const user = useUser();
  const work = useLoad(() => get<WorkList>('/assistance/work-list'), []);
  const w = work.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="work-list">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Typography.Text type="secondary">
          {user.name}，{today()}
        </Typography.Text>
      </Space>
      {work.error ? <Typography.Text type="danger">{errorText(work.error)}</Typography.Text> : null}
      <Row gutter={16}>
        <Col span={8}>
          <Count
            title="今日及逾期走访"
            total={w?.visits.total ?? 0}
            overdue={w?.visits.overdue ?? 0}
            unit="人"
            href="/assistance/visits?mine=1"
          />
        </Col>
        <Col span={8}>
          <Count
            title="即将到期的零就业家庭"
            total={w?.cases.total ?? 0}
            overdue={w?.cases.overdue ?? 0}
            unit="户"
            href="/zero-employment?status=due_soon"
          />
        </Col>
        <Col span={8}>
          <Count
            title="临近期限的高校毕业生"
            total={w?.graduates.total ?? 0}
            overdue={w?.graduates.overdue ?? 0}
            unit="人"
            href="/graduates"
          />
        </Col>
      </Row>
      <Card
        title="今日及逾期走访"
        size="small"
        data-testid="work-visits"
        extra={<Typography.Text type="secondary">本人负责的就业困难人员</Typography.Text>}
      >
        <Table<VisitRow>
          size="small"
          rowKey="personId"
          pagination={false}
          loading={work.loading}
          dataSource={w?.visits.items ?? []}
          locale={{ emptyText: '近期没有需要走访的人员' }}
          columns={[
            { title: '姓名', render: (_, r) => <Link to={`/persons/${r.personId}#casework`}>{r.name}</Link> },
            { title: '社区（村）', dataIndex: 'regionName' },
            { title: '上次走访', render: (_, r) => r.lastVisitOn ?? '尚未走访' },
            { title: '应走访日期', render: (_, r) => <DeadlineText deadline={r.nextVisitDue} state={stateOf(r.status)} /> },
            {
              title: '',
              width: 100,
              render: (_, r) => (
                <Link to={`/persons/${r.personId}#casework`}>
                  <Button size="small">去走访</Button>
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title="即将到期的零就业家庭"
        size="small"
        data-testid="work-cases"
        extra={<Typography.Text type="secondary">辖区内即将到期和已超期的个案</Typography.Text>}
      >
        <Table<CaseRow>
          size="small"
          rowKey="id"
          pagination={false}
          loading={work.loading}
          dataSource={w?.cases.items ?? []}
          locale={{ emptyText: '没有即将到期的零就业家庭' }}
          columns={[
            {
              title: '家庭',
              render: (_, r) => <Link to={`/zero-employment/${r.id}`}>{r.headName ? `${r.headName}家` : '零就业家庭'}</Link>,
            },
            { title: '地址', render: (_, r) => r.address ?? r.communityName ?? '' },
            { title: '认定日期', dataIndex: 'detectedOn' },
            { title: '解决时限', render: (_, r) => <DeadlineText deadline={r.deadline} state={stateOf(r.status)} /> },
            {
              title: '承办人',
              render: (_, r) =>
                r.mine ? <Tag color="blue">本人</Tag> : (r.caseworkerName ?? <Typography.Text type="warning">未指定</Typography.Text>),
            },
          ]}
        />
      </Card>
      <Card
        title="临近期限的高校毕业生"
        size="small"
        data-testid="work-graduates"
        extra={<Typography.Text type="secondary">“一对一”服务清单未完成</Typography.Text>}
      >
        <Table<GraduateRow>
          size="small"
          rowKey="personId"
          pagination={false}
          loading={work.loading}
          dataSource={w?.graduates.items ?? []}
          locale={{ emptyText: '没有临近服务时限的毕业生' }}
          columns={[
            { title: '姓名', render: (_, r) => <Link to={`/persons/${r.personId}#graduate-service`}>{r.name}</Link> },
            { title: '服务时限', render: (_, r) => <DeadlineText deadline={r.deadline} state={stateOf(r.status)} /> },
            {
              title: '尚缺',
              render: (_, r) =>
                [
                  !r.consultation && '政策咨询',
                  !r.guidance && '职业指导',
                  r.vacanciesOffered < r.vacanciesRequired && `岗位信息 ${r.vacanciesRequired - r.vacanciesOffered} 次`,
                ]
                  .filter(Boolean)
                  .join('、'),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
