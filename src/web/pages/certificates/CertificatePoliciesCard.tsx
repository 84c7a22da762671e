// The holder's side of the 就业失业登记证 on the person page (AID-5): the eligibility reviews and
// yearly checks with their rules and reasons, when the next check falls due, 资格审核 for reviewers,
// 年审 for clerks, and the preferential policies the person enjoyed.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { eligibilityRuleNames, policyTypeNames, reviewResultNames, type PolicyType } from '../../../shared/certificatePolicies.js';
import { ApiError, get, post } from '../../api.js';
import type { ItemOf, ResponseOf } from '../../apiTypes.js';
import { FormModal } from '../../components/FormModal.js';
import { useLoad } from '../../hooks.js';
import type { Paged } from '../../types.js';

type Reviews = ResponseOf<'/api/v1/persons/{id}/certificate/reviews'>;
type Review = Reviews['reviews'][number];
type Enjoyed = ItemOf<'/api/v1/persons/{id}/policies-enjoyed'>;

const yuan = (fen: number | null) =>
  fen === null ? '—' : `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function ReasonTags({ reasons }: { reasons: Review['reasons'] }) {
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r) => (
        <Tooltip key={r.rule} title={`${r.detail}（${r.source}）`}>
          <Tag color={r.met ? 'green' : 'red'}>
            {r.met ? '✓' : '✗'} {eligibilityRuleNames[r.rule] ?? r.rule}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

interface ReviewValues {
  date: Dayjs;
  comment: string;
  overrideReason?: string;
}

function EligibilityModal({ personId, open, onClose, onDone }: { personId: string; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [failed, setFailed] = useState<{ code: string; message: string }[] | null>(null);
  return (
    <FormModal<ReviewValues>
      title="就业失业登记证资格审核"
      open={open}
      onClose={() => {
        setFailed(null);
        onClose();
      }}
      okText="提交审核"
      initialValues={{ date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        try {
          await post(
            `/persons/${personId}/certificate/eligibility-reviews`,
            {
              date: v.date.format('YYYY-MM-DD'),
              comment: v.comment.trim(),
              ...(v.overrideReason?.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
            },
            { idempotencyKey },
          );
        } catch (err) {
          if (err instanceof ApiError && err.code === 'RULE_VIOLATION') {
            setFailed(err.errors.map((e) => ({ code: e.code, message: e.message })));
            return false;
          }
          throw err;
        }
        message.success('资格审核已记录');
        setFailed(null);
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        系统按登记失业、劳动年龄、劳动能力、城镇户籍逐条判定（种子文件 002 §(八)、003 §(一)）。
      </Typography.Paragraph>
      {failed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="eligibility-failed"
          title="不符合以下条件；如确需认定，请填写认定理由后再提交"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {failed.map((f) => (
                <li key={f.code}>
                  {eligibilityRuleNames[f.code] ?? f.code}：{f.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form.Item name="date" label="审核日期" rules={[{ required: true, message: '请选择审核日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="comment"
        label="审核意见"
        rules={[{ required: true, whitespace: true, min: 2, max: 500, message: '请填写审核意见（2 至 500 字）' }]}
      >
        <Input placeholder="如：材料齐全，符合条件" />
      </Form.Item>
      {failed && (
        <Form.Item
          name="overrideReason"
          label="认定理由"
          rules={[{ required: true, whitespace: true, min: 2, max: 500, message: '请填写认定理由' }]}
        >
          <Input.TextArea rows={2} placeholder="如：已转入城镇户口的被征地农民，户籍信息待更新" />
        </Form.Item>
      )}
    </FormModal>
  );
}

interface CheckValues {
  date: Dayjs;
  result: 'continue' | 'withdraw';
  comment: string;
}

function CheckModal({ personId, open, onClose, onDone }: { personId: string; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<CheckValues>
      title="就业失业登记证年审"
      open={open}
      onClose={onClose}
      okText="记录年审"
      initialValues={{ date: dayjs(), result: 'continue' }}
      onSubmit={async (v, { idempotencyKey }) => {
        await post(
          `/persons/${personId}/certificate/checks`,
          { date: v.date.format('YYYY-MM-DD'), result: v.result, comment: v.comment.trim() },
          { idempotencyKey },
        );
        message.success(v.result === 'continue' ? '年审通过，证件继续有效' : '年审未通过，证件已收回');
        onDone();
      }}
    >
      <Form.Item name="date" label="年审日期" rules={[{ required: true, message: '请选择年审日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="result" label="年审结论">
        <Radio.Group
          options={[
            { value: 'continue', label: '通过，继续有效' },
            { value: 'withdraw', label: '不通过，收回证件' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label="说明"
        rules={[{ required: true, whitespace: true, min: 2, max: 500, message: '请填写说明（2 至 500 字）' }]}
      >
        <Input placeholder="如：本人到场，仍处于失业状态" />
      </Form.Item>
    </FormModal>
  );
}

/** The card; `version` reloads it, `onChanged` tells the page (a withdrawal changes the certificate card). */
export function CertificatePoliciesCard({
  personId,
  version,
  canCheck,
  canReview,
  onChanged,
}: {
  personId: string;
  version: number;
  canCheck: boolean;
  canReview: boolean;
  onChanged(): void;
}) {
  const [dialog, setDialog] = useState<'review' | 'check' | null>(null);
  const reviews = useLoad(() => get<Reviews>(`/persons/${personId}/certificate/reviews`), [personId, version]);
  const enjoyed = useLoad(() => get<Paged<Enjoyed>>(`/persons/${personId}/policies-enjoyed`, { pageSize: 100 }), [personId, version]);
  const next = reviews.data?.nextCheck ?? null;
  const today = dayjs().format('YYYY-MM-DD');
  const done = () => {
    setDialog(null);
    onChanged();
  };
  return (
    <Card
      title="持证审核与享受政策"
      data-testid="certificate-policies"
      extra={
        <Space size={6}>
          {canReview && (
            <Button size="small" onClick={() => setDialog('review')}>
              资格审核
            </Button>
          )}
          {canCheck && (
            <Button size="small" type="primary" ghost onClick={() => setDialog('check')} disabled={!next}>
              年审
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 8 }}
        items={[
          {
            key: 'due',
            label: '下次年审',
            children: next ? (
              <span data-testid="next-check">
                {next.dueOn}{' '}
                {next.dueOn < today ? <Tag color="red">已逾期</Tag> : <Tag color="blue">每 {next.intervalMonths} 个月一次</Tag>}
              </span>
            ) : (
              <Typography.Text type="secondary">无有效证件</Typography.Text>
            ),
          },
          { key: 'enjoyed', label: '享受政策', children: `${enjoyed.data?.total ?? 0} 项` },
        ]}
      />
      <Typography.Title level={5} style={{ fontSize: 14, marginTop: 8 }}>
        审核与年审记录
      </Typography.Title>
      <Table<Review>
        rowKey="id"
        size="small"
        loading={reviews.loading}
        dataSource={reviews.data?.reviews ?? []}
        pagination={false}
        locale={{ emptyText: '尚无审核或年审记录' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '事项', dataIndex: 'kind', width: 80, render: (k: string) => (k === 'eligibility' ? '资格审核' : '年审') },
          {
            title: '结论',
            dataIndex: 'result',
            width: 120,
            render: (r: string, row) => (
              <Tooltip title={row.overrideReason ? `认定理由：${row.overrideReason}` : undefined}>
                <Tag color={r === 'withdraw' ? 'red' : r === 'eligible_by_override' ? 'orange' : 'green'}>{reviewResultNames[r] ?? r}</Tag>
              </Tooltip>
            ),
          },
          { title: '条件', dataIndex: 'reasons', render: (r: Review['reasons']) => <ReasonTags reasons={r} /> },
          { title: '意见', dataIndex: 'comment' },
          { title: '经办', dataIndex: 'createdByName', width: 100, render: (n: string | undefined, row) => n ?? row.createdBy },
        ]}
      />
      <Typography.Title level={5} style={{ fontSize: 14, marginTop: 16 }}>
        享受的优惠政策
      </Typography.Title>
      <Table<Enjoyed>
        rowKey="id"
        size="small"
        data-testid="policies-enjoyed"
        loading={enjoyed.loading}
        dataSource={enjoyed.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '尚未享受优惠政策' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '政策', dataIndex: 'policyType', render: (t: string) => policyTypeNames[t as PolicyType] ?? t },
          { title: '金额', dataIndex: 'amountFen', width: 110, render: (f: number | null) => yuan(f) },
          { title: '经办', dataIndex: 'createdByName', width: 100, render: (n: string | undefined, row) => n ?? row.createdBy },
        ]}
      />
      <EligibilityModal personId={personId} open={dialog === 'review'} onClose={() => setDialog(null)} onDone={done} />
      <CheckModal personId={personId} open={dialog === 'check'} onClose={() => setDialog(null)} onDone={done} />
    </Card>
  );
}
