// A benefit claim (UI-2, UI-3): the facts it was decided on, the rules with their articles, the
// review, a stop, and the payments with their status (the claim's `payments`, empty until payment
// runs pay it, and its `returnedPayments`: a month the bank returned, then its re-payment, 补发).
// Reviewers approve or reject a pending claim with a comment, except the one who took it (four eyes).
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { separationReasonNames, type UiPaymentStatus } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { DecisionModal } from '../../components/DecisionModal.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { ClaimCaseworkerCard } from './ClaimCaseworkerCard.js';
import { ClaimDeferralCard } from './ClaimDeferralCard.js';
import { ClaimStopsCard } from './ClaimStopsCard.js';
import { paymentRunPath, PaymentStatusTag } from './paymentRunTypes.js';
import {
  claimPath,
  claimsApi,
  claimsPath,
  ClaimStatusTag,
  ruleNames,
  SourceText,
  stopReasonText,
  paymentRows,
  yuanText,
  type Claim,
  type PaymentRow,
  type Reason,
} from './uiTypes.js';

/** The page. */
export function ClaimPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const loaded = useLoad(() => get<Claim>(`${claimsApi}/${id}`), [id]);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const c = loaded.data?.id === id ? loaded.data : undefined;
  if (loaded.error && !c) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!c) return <Spin size="large" />;
  const isReviewer = hasRole(user, 'reviewer');
  const ownClaim = c.takenBy === user.username;
  const pending = c.status === 'pending';
  const blocked = ownClaim ? '本人受理的申领须由其他审核人员审核（双人复核）' : null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {pending && !isReviewer && (
        <Alert
          type="info"
          showIcon
          title="待审核：须由受理人以外的审核人员审核后才开始享受待遇（双人复核）"
          data-testid="claim-awaits-review"
        />
      )}
      <Card
        title={
          <Space wrap>
            <span>失业保险金申领 · {c.personName ?? '—'}</span>
            <span data-testid="claim-status">
              <ClaimStatusTag status={c.status} />
            </span>
          </Space>
        }
        extra={
          <Space>
            {isReviewer && pending && (
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
            <PageLink to={claimsPath}>返回列表</PageLink>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="claim-facts"
          items={[
            { key: 'person', label: '申领人', children: <PersonLink personId={c.personId}>{c.personName ?? '—'}</PersonLink> },
            { key: 'separation', label: '离职日期', children: c.separationDate },
            { key: 'reason', label: '离职原因', children: separationReasonNames[c.separationReason] },
            { key: 'months', label: '领取期限', children: `${c.entitlementMonths} 个月` },
            { key: 'amount', label: '每月标准', children: <span className="num">{yuanText(c.monthlyAmountFen)} 元</span> },
            { key: 'start', label: '起始月份', children: c.startMonth },
            {
              key: 'counted',
              label: '可计算缴费',
              children: `${c.contributionMonths} 个月（计至 ${c.countedThrough}）`,
            },
            {
              key: 'carried',
              label: '前次未领',
              children: c.earlierClaimId ? (
                <PageLink to={claimPath(c.earlierClaimId)}>{`${c.carriedMonths} 个月（前次申领）`}</PageLink>
              ) : (
                '无'
              ),
            },
            { key: 'paid', label: '已发放', children: `${c.paidMonths} 个月` },
            { key: 'region', label: '所在区域', children: <RegionLabel prefix={c.regionCode} /> },
            { key: 'taken', label: '受理人', children: `${c.takenByName}（${formatDateTime(c.takenAt)}）` },
            ...(c.stoppedOn ? [{ key: 'stop', label: '停发', children: `${c.stoppedOn} 起停发：${stopReasonText(c.stopReason)}` }] : []),
          ]}
        />
      </Card>
      <ClaimCaseworkerCard claim={c} onChanged={loaded.reload} />
      <ClaimDeferralCard claim={c} onChanged={loaded.reload} />
      <Card title="判定依据" size="small">
        <Table<Reason>
          rowKey="rule"
          size="small"
          pagination={false}
          dataSource={c.reasons}
          data-testid="claim-reasons"
          columns={[
            { title: '规则', dataIndex: 'rule', width: 160, render: (r: string) => ruleNames[r] ?? r },
            { title: '判定', dataIndex: 'detail' },
            { title: '依据', dataIndex: 'source', width: 380, render: (s: string) => <SourceText text={s} /> },
          ]}
        />
      </Card>
      <Card title="审核意见" size="small">
        {c.decidedBy ? (
          <Descriptions
            size="small"
            column={1}
            data-testid="claim-decision"
            items={[
              { key: 'by', label: '审核人', children: `${c.decidedByName}（${c.decidedAt ? formatDateTime(c.decidedAt) : ''}）` },
              { key: 'result', label: '结果', children: c.status === 'rejected' ? '驳回' : '批准' },
              { key: 'comment', label: '意见', children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.decisionComment}</span> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="claim-decision">
            尚未审核
          </Typography.Text>
        )}
      </Card>
      <ClaimStopsCard claim={c} onChanged={loaded.reload} />
      <Card title="发放记录" size="small">
        <Table<PaymentRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={paymentRows(c)}
          data-testid="claim-payments"
          locale={{ emptyText: c.status === 'active' ? '已批准，尚无发放记录' : '尚无发放记录' }}
          columns={[
            { title: '发放月份', dataIndex: 'month' },
            {
              title: '金额（元）',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="num">{yuanText(f)}</span>,
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: UiPaymentStatus, p) => (
                <Space size={4}>
                  <PaymentStatusTag status={s} />
                  {p.repaid && (
                    <Tooltip title="该月前一笔支付被银行退回，由本批次补发">
                      <Tag color="purple">补发</Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              title: '银行退回原因',
              dataIndex: 'failureReason',
              render: (r: string | null, p) =>
                p.status === 'failed' ? (
                  <span>
                    {r ?? '—'}
                    {p.returnedAt && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        （{formatDateTime(p.returnedAt)} 退回，之后的发放批次补发该月）
                      </Typography.Text>
                    )}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: '发放批次',
              dataIndex: 'runId',
              render: (r: string) => <PageLink to={paymentRunPath(r)}>{r.slice(0, 8)}</PageLink>,
            },
          ]}
        />
      </Card>
      {isReviewer && (
        <DecisionModal
          url={`${claimsApi}/${c.id}/decision`}
          what="失业保险金申领"
          summary={`${c.personName}，领取期限 ${c.entitlementMonths} 个月，每月 ${yuanText(c.monthlyAmountFen)} 元，自 ${c.startMonth} 起。`}
          commentLabel="审核意见"
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
