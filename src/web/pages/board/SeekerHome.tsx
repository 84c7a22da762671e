// 我的 for a job seeker (JOB-7): the profile from the ledger, the job wishes they keep themselves,
// the vacancies recommended from those wishes with the reasons, 投递 online, and 我的投递.
// Education and skills are facts staff record from documents (issue 10): shown, not edited here.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Empty, Form, InputNumber, List, Select, Skeleton, Space, Typography } from 'antd';
import { employmentStatusNames } from '../../../shared/labels.js';
import { get, patch } from '../../api.js';
import { applyFieldErrors, errorText, problemText } from '../../components/formErrors.js';
import { fenToYuan, formatDateTime, yuanToFen } from '../../format.js';
import { useLoad, type Loaded } from '../../hooks.js';
import { plainOptions } from '../../labels.js';
import type { MatchReason } from '../../types.js';
import { MatchScore, ReasonTags } from '../matching/MatchReasons.js';
import { OccupationsSelect } from '../vacancies/OccupationSelect.js';
import { placeText, wageText } from './boardFormat.js';
import { useApply } from './useApply.js';
import { usePublicAccount } from './publicAccount.js';
import type { Application, JobWishes, PublicAccount, SeekerMatch } from './types.js';

const statusNames: Record<string, string> = employmentStatusNames;
const hoursOptions = plainOptions(['全日制', '非全日制', '不限']);

interface WishValues {
  occupations?: string[];
  wageMinYuan?: number | null;
  hours?: string;
}

/** The seeker's page; `account.seeker` is set. */
export function SeekerHome({ account }: { account: PublicAccount }) {
  const seeker = account.seeker!;
  const matches = useLoad(() => get<SeekerMatch[]>('/public/me/matches', { limit: 20 }), [seeker.jobWishes]);
  const applications = useLoad(() => get<Application[]>('/public/me/applications'), []);
  const apply = useApply(applications.data, applications.reload);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="我的资料" size="small">
        <Descriptions column={{ xs: 1, sm: 2, md: 4 }} size="small" data-testid="seeker-profile">
          <Descriptions.Item label="姓名">{seeker.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{seeker.idNumber}</Descriptions.Item>
          <Descriptions.Item label="手机号">{account.phone}</Descriptions.Item>
          <Descriptions.Item label="就业状态">{statusNames[seeker.employmentStatus] ?? seeker.employmentStatus}</Descriptions.Item>
          <Descriptions.Item label="文化程度">{seeker.education ?? '未登记'}</Descriptions.Item>
          <Descriptions.Item label="技能" span={{ xs: 1, sm: 1, md: 3 }}>
            {seeker.skills.length > 0 ? seeker.skills.join('、') : '未登记'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" data-testid="profile-note" style={{ margin: '12px 0 0', fontSize: 13 }}>
          文化程度、技能等信息以登记为准，如有变化请到服务窗口更新
        </Typography.Paragraph>
      </Card>
      <WishesCard account={account} />
      <Card title="为我推荐" data-testid="my-matches">
        <MatchList matches={matches} apply={apply} />
      </Card>
      <Card title="我的投递" data-testid="my-applications">
        {applications.error ? (
          <Alert type="error" showIcon title={errorText(applications.error)} />
        ) : (
          <List
            loading={applications.loading}
            dataSource={applications.data ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有投递过岗位" /> }}
            renderItem={(a) => (
              <List.Item data-testid="application">
                <List.Item.Meta
                  title={<Link to={`/jobs/${a.vacancyId}`}>{a.vacancyTitle}</Link>}
                  description={`${a.employerName} · 投递于 ${formatDateTime(a.createdAt)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}

/** 求职意向: what the recommendations are computed from. */
function WishesCard({ account }: { account: PublicAccount }) {
  const seeker = account.seeker!;
  const { setAccount } = usePublicAccount();
  const { message } = App.useApp();
  const [form] = Form.useForm<WishValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const initial: WishValues = {
    occupations: seeker.jobWishes.occupations ?? [],
    wageMinYuan: fenToYuan(seeker.jobWishes.wageMinFen) ?? null,
    hours: seeker.jobWishes.hours,
  };
  const save = async (v: WishValues) => {
    setBusy(true);
    setProblem(null);
    // Parts of the wishes this form does not show (keywords, places set at the counter) are kept.
    const jobWishes: JobWishes = { ...seeker.jobWishes, occupations: v.occupations ?? [] };
    delete jobWishes.wageMinFen;
    delete jobWishes.hours;
    if (v.wageMinYuan) jobWishes.wageMinFen = yuanToFen(v.wageMinYuan);
    if (v.hours) jobWishes.hours = v.hours;
    try {
      setAccount(await patch<PublicAccount>('/public/me/profile', { jobWishes }));
      message.success('求职意向已保存，推荐岗位已更新');
    } catch (err) {
      setProblem(problemText(err, applyFieldErrors(form, err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="求职意向" data-testid="wishes">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<WishValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item name="occupations" label="意向职业" extra="按职业推荐岗位，可选多个">
          <OccupationsSelect />
        </Form.Item>
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="wageMinYuan" label="期望月薪不低于">
            <InputNumber min={0} max={1_000_000} step={500} precision={0} suffix="元" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="hours" label="工作时间">
            <Select allowClear options={hoursOptions} placeholder="不限" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The recommended vacancies with score, reasons and 投递. */
function MatchList({ matches, apply }: { matches: Loaded<SeekerMatch[]>; apply: ReturnType<typeof useApply> }) {
  if (matches.error)
    return <Alert type="error" showIcon title={errorText(matches.error)} action={<Button onClick={matches.reload}>重试</Button>} />;
  if (!matches.data) return <Skeleton active />;
  if (matches.data.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="暂时没有合适的岗位。填写意向职业后，这里会推荐匹配的岗位；也可以到「找工作」搜索全部岗位。"
      />
    );
  }
  return (
    <List
      dataSource={matches.data}
      rowKey="vacancyId"
      renderItem={(m) => (
        <List.Item data-testid="match" style={{ display: 'block' }}>
          <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
            <MatchScore score={m.score} reasons={m.reasons as MatchReason[]} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: '0 12px' }}>
                <Link to={`/jobs/${m.vacancyId}`} className="board-card-title" data-testid="match-title">
                  {m.vacancy.title}
                </Link>
                <span className="board-wage">{wageText(m.vacancy.wageMin, m.vacancy.wageMax)}</span>
              </div>
              <Typography.Text>{m.vacancy.employerName}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {placeText(m.vacancy)} · 招 {Math.max(m.vacancy.headcount - m.vacancy.filled, 0)} 人
                </Typography.Text>
              </div>
              <div style={{ margin: '6px 0' }}>
                <ReasonTags reasons={m.reasons as MatchReason[]} maxWidth={560} />
              </div>
              {apply.button({ vacancyId: m.vacancyId, title: m.vacancy.title, employerName: m.vacancy.employerName })}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
