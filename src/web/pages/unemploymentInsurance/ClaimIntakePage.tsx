// 申领受理 (UI-2): the UI clerk finds the person, sees what the ledger knows (name, masked ID,
// registration status, the individual account and earlier claims), enters the separation date and
// reason, and sees the decision before saving: the dry run (POST /ui/claims/assess) answers as the
// form changes with eligibility, entitlement, monthly amount, start month and each rule with its
// article. 受理申领 stores the claim (the same decision) and opens its page; another staff member reviews it.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { separationReasonNames, type SeparationReason } from '../../../shared/labels.js';
import { get, newIdempotencyKey, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { PersonLink } from '../../components/PageLink.js';
import { EmploymentStatusTag, JobSeekingTag } from '../../components/PersonTags.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { useLoad } from '../../hooks.js';
import { optionsOf } from '../../labels.js';
import type { Paged, Person } from '../../types.js';
import { AccountMonthsTable, AccountSummary } from './UiAccountCard.js';
import {
  accountApi,
  claimPath,
  claimsApi,
  ClaimStatusTag,
  ruleNames,
  SourceText,
  yuanText,
  type Assessment,
  type Claim,
  type ClaimItem,
  type UiAccount,
} from './uiTypes.js';

interface IntakeValues {
  separationDate?: Dayjs;
  separationReason?: SeparationReason;
}

/** What the ledger knows of the person: who and their status, the account, earlier claims. */
function useLedger(personId: string | undefined) {
  const person = useLoad(() => (personId ? get<Person>(`/persons/${personId}`) : Promise.resolve(undefined)), [personId]);
  const account = useLoad(() => (personId ? get<UiAccount>(accountApi(personId)) : Promise.resolve(undefined)), [personId]);
  const claims = useLoad(
    () => (personId ? get<Paged<ClaimItem>>(claimsApi, { personId, pageSize: 100 }) : Promise.resolve(undefined)),
    [personId],
  );
  return {
    person: person.data?.id === personId ? person.data : undefined,
    personError: person.error,
    account: account.data?.personId === personId ? account.data : undefined,
    accountError: account.error,
    claims,
  };
}

/** Who the person is and the account in one line each. */
function PersonFacts({ ledger }: { ledger: ReturnType<typeof useLedger> }) {
  const { person: p, account: a } = ledger;
  if (ledger.personError) return <Alert type="error" showIcon title={errorText(ledger.personError)} />;
  if (!p) return <Spin />;
  return (
    <div data-testid="intake-person">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'name', label: '姓名', children: <PersonLink personId={p.id}>{p.name}</PersonLink> },
          { key: 'id', label: '身份证号', children: <span style={{ fontFamily: 'monospace' }}>{p.idNumber}</span> },
          { key: 'region', label: '所在区域', children: p.regionName ?? p.regionCode },
          {
            key: 'status',
            label: '登记状态',
            children: (
              <Space size={4} wrap>
                <EmploymentStatusTag status={p.employmentStatus} since={p.statusSince} />
                <JobSeekingTag seeking={p.jobSeeking} />
              </Space>
            ),
          },
        ]}
      />
      {a ? (
        <AccountSummary account={a} />
      ) : ledger.accountError ? (
        <Alert type="error" showIcon title={errorText(ledger.accountError)} />
      ) : null}
    </div>
  );
}

/** The account's months and the earlier claims, beside the form. */
function LedgerSide({ ledger }: { ledger: ReturnType<typeof useLedger> }) {
  const { account: a, claims } = ledger;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="失业保险个人账户" size="small" data-testid="ui-account">
        {a ? <AccountMonthsTable account={a} pageSize={6} compact /> : <Spin />}
      </Card>
      <Card title="以往申领" size="small" data-testid="intake-earlier-claims">
        <Table<ClaimItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={claims.loading}
          dataSource={claims.data?.items ?? []}
          locale={{ emptyText: '没有失业保险金申领' }}
          columns={[
            { title: '离职日期', dataIndex: 'separationDate', render: (d: string, c) => <Link to={claimPath(c.id)}>{d}</Link> },
            { title: '期限', dataIndex: 'entitlementMonths', render: (m: number) => `${m} 个月` },
            { title: '状态', dataIndex: 'status', render: (s: ClaimItem['status']) => <ClaimStatusTag status={s} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The dry run's answer: eligible or not, the figures, and each rule with its article. */
function AssessmentView({ assessment }: { assessment: Assessment }) {
  const failed = new Set(assessment.failed.map((f) => f.rule));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="intake-assessment">
      {assessment.eligible ? (
        <Alert type="success" showIcon title="符合领取失业保险金条件" data-testid="assessment-verdict" />
      ) : (
        <Alert
          type="error"
          showIcon
          title="不符合领取失业保险金条件"
          description={assessment.failed.map((f) => f.detail).join('；')}
          data-testid="assessment-verdict"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        data-testid="assessment-figures"
        items={[
          { key: 'months', label: '领取期限', children: `${assessment.entitlementMonths} 个月` },
          {
            key: 'amount',
            label: '每月标准',
            children: <span className="num">{assessment.monthlyAmountFen > 0 ? `${yuanText(assessment.monthlyAmountFen)} 元` : '—'}</span>,
          },
          { key: 'start', label: '起始月份', children: assessment.startMonth },
          {
            key: 'counted',
            label: '可计算缴费',
            children: `${assessment.contributionMonths} 个月${assessment.carriedMonths > 0 ? `，前次未领 ${assessment.carriedMonths} 个月` : ''}`,
          },
        ]}
      />
      <Table<Assessment['reasons'][number]>
        rowKey="rule"
        size="small"
        pagination={false}
        dataSource={assessment.reasons}
        data-testid="assessment-rules"
        columns={[
          {
            title: '规则',
            dataIndex: 'rule',
            width: 170,
            render: (r: string) => (
              <Space size={6}>
                {failed.has(r) ? <CloseCircleFilled style={{ color: '#ff4d4f' }} /> : <CheckCircleFilled style={{ color: '#52c41a' }} />}
                <span>{ruleNames[r] ?? r}</span>
              </Space>
            ),
          },
          { title: '判定', dataIndex: 'detail' },
          { title: '依据', dataIndex: 'source', width: 280, render: (s: string) => <SourceText text={s} /> },
        ]}
      />
    </Space>
  );
}

/** The page. */
export function ClaimIntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [personId, setPersonId] = useState<string>();
  const [form] = Form.useForm<IntakeValues>();
  const separationDate = Form.useWatch('separationDate', form);
  const separationReason = Form.useWatch('separationReason', form);
  const [assessment, setAssessment] = useState<Assessment>();
  const [assessing, setAssessing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const latest = useRef('');
  const ledger = useLedger(personId);

  const body =
    personId && separationDate && separationReason
      ? { personId, separationDate: separationDate.format('YYYY-MM-DD'), separationReason }
      : undefined;
  const bodyKey = body ? JSON.stringify(body) : '';

  // The dry run follows the form: only the answer to the latest facts is shown.
  useEffect(() => {
    latest.current = bodyKey;
    setAssessment(undefined);
    setProblem(null);
    if (!bodyKey) return;
    setAssessing(true);
    const timer = setTimeout(() => {
      post<Assessment>(`${claimsApi}/assess`, JSON.parse(bodyKey))
        .then((a) => latest.current === bodyKey && setAssessment(a))
        .catch((err: unknown) => latest.current === bodyKey && setProblem(errorText(err)))
        .finally(() => latest.current === bodyKey && setAssessing(false));
    }, 200);
    return () => clearTimeout(timer);
  }, [bodyKey]);

  const save = async () => {
    if (!body) return;
    setSaving(true);
    try {
      const claim = await post<Claim>(claimsApi, body, { idempotencyKey: key });
      message.success(`已受理 ${claim.personName ?? ''} 的失业保险金申领，待审核`);
      setKey(newIdempotencyKey());
      navigate(claimPath(claim.id));
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title="申领人">
          <div style={{ maxWidth: 560, marginBottom: personId ? 16 : 0 }}>
            <PersonSearch
              id="ui-intake-person"
              value={personId}
              onChange={(id) => {
                setPersonId(id);
                setKey(newIdempotencyKey());
              }}
            />
          </div>
          {personId ? <PersonFacts ledger={ledger} /> : null}
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card title="申领信息与试算" size="small" data-testid="intake-form">
          <Form<IntakeValues> form={form} layout="vertical" name="intake" disabled={!personId}>
            <Row gutter={16}>
              <Col xs={24} md={9}>
                <Form.Item name="separationDate" label="离职日期" rules={[{ required: true, message: '请选择离职日期' }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={15}>
                <Form.Item name="separationReason" label="离职原因" rules={[{ required: true, message: '请选择离职原因' }]}>
                  <Select options={optionsOf(separationReasonNames)} placeholder="请选择" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          {!personId ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先查找申领人" />
          ) : !body ? (
            <Typography.Paragraph type="secondary">
              填写离职日期和离职原因后，系统即按《失业保险条例》试算，保存前可看到判定结果及依据。
            </Typography.Paragraph>
          ) : problem ? (
            <Alert type="error" showIcon title={problem} data-testid="intake-problem" />
          ) : assessment ? (
            <AssessmentView assessment={assessment} />
          ) : (
            <Spin spinning={assessing}>
              <div style={{ height: 96 }} />
            </Spin>
          )}
          <Space style={{ marginTop: 16 }} wrap>
            <Button type="primary" disabled={!assessment?.eligible || saving} loading={saving} onClick={() => void save()}>
              受理申领
            </Button>
            {assessment && !assessment.eligible ? (
              <Tag color="red">不符合条件，不能受理</Tag>
            ) : (
              <Typography.Text type="secondary">受理后须由受理人以外的审核人员审核（双人复核）</Typography.Text>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        {personId ? <LedgerSide ledger={ledger} /> : null}
      </Col>
    </Row>
  );
}
