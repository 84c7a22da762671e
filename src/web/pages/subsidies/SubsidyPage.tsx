// A subsidy (AID-8): the facts, the reasons its rule gave (规则, 依据, 说明), the decision and the
// payments. Reviewers approve or reject with a comment, except the one who applied (four eyes).
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { subsidyTypeNames } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { DecisionModal } from '../../components/DecisionModal.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { subsidiesPath, subsidyPagePath, SubsidyStatusTag, yuanText, type Subsidy } from './subsidyTypes.js';

type Reason = Subsidy['reasons'][number];
type Payment = Subsidy['payments'][number];

/** Names of the rules a decision lists. */
const ruleNames: Record<string, string> = {
  placed_on_post: '公益性岗位在岗',
  recognised_hard_to_employ: '就业困难人员认定',
  employed: '就业状态',
  placed_in_period: '当期安置就业',
  contract_years: '劳动合同年限',
  insurance_paid: '缴纳社会保险',
  amount: '补贴金额',
};

/** The page. */
export function SubsidyPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const loaded = useLoad(() => get<Subsidy>(`${subsidiesPath}/${id}`), [id]);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const s = loaded.data?.id === id ? loaded.data : undefined;
  if (loaded.error && !s) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!s) return <Spin size="large" />;
  const isReviewer = hasRole(user, 'reviewer');
  const ownApplication = s.appliedBy === user.username;
  const canDecide = isReviewer && s.status === 'applied';
  const blocked = ownApplication ? '本人提交的申请须由其他审核员审批（双人复核）' : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{subsidyTypeNames[s.type]}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              所属期 {s.period}
            </Typography.Text>
            <span data-testid="subsidy-status">
              <SubsidyStatusTag status={s.status} />
            </span>
          </Space>
        }
        extra={
          <Space>
            {canDecide && (
              <>
                {blocked && (
                  <Typography.Text type="warning" data-testid="decision-block">
                    {blocked}
                  </Typography.Text>
                )}
                <Tooltip title={blocked}>
                  <Button type="primary" disabled={!!blocked} onClick={() => setDeciding('approve')}>
                    批准
                  </Button>
                </Tooltip>
                <Tooltip title={blocked}>
                  <Button danger disabled={!!blocked} onClick={() => setDeciding('reject')}>
                    驳回
                  </Button>
                </Tooltip>
              </>
            )}
            <PageLink to={subsidyPagePath}>返回列表</PageLink>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          data-testid="subsidy-facts"
          items={[
            {
              key: 'person',
              label: '享受人员',
              children: s.personId ? <PersonLink personId={s.personId}>{s.personName ?? '—'}</PersonLink> : '—',
            },
            ...(s.employerId
              ? [
                  {
                    key: 'employer',
                    label: '安置单位',
                    children: <PageLink to={`/employers/${s.employerId}`}>{s.employerName ?? '—'}</PageLink>,
                  },
                ]
              : []),
            { key: 'amount', label: '补贴金额', children: <span className="num">{yuanText(s.amountFen)} 元</span> },
            { key: 'budget', label: '资金科目', children: s.budgetLine },
            { key: 'region', label: '所在区域', children: <RegionLabel prefix={s.regionCode} /> },
            { key: 'applied', label: '申请人', children: `${s.appliedByName}（${formatDateTime(s.appliedAt)}）` },
            ...(s.type === 'job_creation'
              ? [
                  {
                    key: 'declared',
                    label: '申报情况',
                    children: `劳动合同 ${s.declared.contractYears ?? '—'} 年，${s.declared.insurancePaid ? '已' : '未'}缴纳社会保险`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title="判定依据">
        <Table<Reason>
          rowKey="rule"
          size="middle"
          pagination={false}
          dataSource={s.reasons}
          data-testid="subsidy-reasons"
          columns={[
            { title: '规则', dataIndex: 'rule', render: (r: string) => ruleNames[r] ?? r },
            { title: '依据', dataIndex: 'source', render: (t: string) => <div style={{ minWidth: 200, maxWidth: 420 }}>{t}</div> },
            { title: '说明', dataIndex: 'detail' },
          ]}
        />
      </Card>
      <Card title="审批意见">
        {s.decidedBy ? (
          <Descriptions
            size="small"
            column={1}
            data-testid="subsidy-decision"
            items={[
              {
                key: 'by',
                label: '审批人',
                children: `${s.decidedByName ?? s.decidedBy}（${s.decidedAt ? formatDateTime(s.decidedAt) : ''}）`,
              },
              { key: 'result', label: '结果', children: s.status === 'rejected' ? '驳回' : '批准' },
              { key: 'comment', label: '意见', children: <span style={{ whiteSpace: 'pre-wrap' }}>{s.decisionComment}</span> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="subsidy-decision">
            尚未审批
          </Typography.Text>
        )}
      </Card>
      <Card title="发放记录">
        <Table<Payment>
          rowKey="runId"
          size="middle"
          pagination={false}
          dataSource={s.payments}
          data-testid="subsidy-payments"
          locale={{ emptyText: s.status === 'approved' ? '已审批，等待财务发放' : '尚未发放' }}
          columns={[
            { title: '发放时间', dataIndex: 'paidAt', render: (t: string) => formatDateTime(t) },
            {
              title: '金额（元）',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="num">{yuanText(f)}</span>,
            },
            {
              title: '发放批次',
              dataIndex: 'runId',
              render: (r: string) => <Typography.Text type="secondary">{r.slice(0, 8)}</Typography.Text>,
            },
          ]}
        />
      </Card>
      {isReviewer && (
        <DecisionModal
          url={`${subsidiesPath}/${s.id}/decision`}
          what="补贴申请"
          summary={`${subsidyTypeNames[s.type]}，所属期 ${s.period}，金额 ${yuanText(s.amountFen)} 元。`}
          commentLabel="审批意见"
          decision={deciding}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            loaded.reload();
          }}
        />
      )}
    </Space>
  );
}
