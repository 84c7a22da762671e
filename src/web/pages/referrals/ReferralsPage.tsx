// 推荐介绍 at /referrals (JOB-5): the referrals in scope, filtered by outcome (待反馈 = none yet)
// and date, exported to Excel, with the letter and 登记结果 on each row and the employer's own
// answer from the public letter check where there is one.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, DatePicker, Form, Select, Space, Tooltip, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { hasRole, useUser } from '../../auth.js';
import { PersonLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { referralOutcomeNames } from '../../labels.js';
import type { Referral } from '../../types.js';
import { feedbackText, nextOutcomesOf, OutcomeModal, OutcomeTag } from './OutcomeModal.js';

interface Filters {
  outcome?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const outcomeOptions = [
  { value: 'pending', label: '待反馈' },
  ...Object.entries(referralOutcomeNames).map(([value, label]) => ({ value, label })),
];

/** The page. */
export function ReferralsPage() {
  const user = useUser();
  const canRecord = hasRole(user, 'clerk', 'job_officer');
  const [recording, setRecording] = useState<Referral | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PagedTable<Referral, Filters>
        title="推荐介绍记录"
        path="/referrals"
        rowKey="id"
        exportName="推荐介绍记录"
        reloadKey={reloadKey}
        toQuery={(v) => ({ outcome: v.outcome, from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD') })}
        searchFields={
          <>
            <Form.Item name="outcome" label="推荐结果">
              <Select allowClear placeholder="全部" style={{ width: 140 }} options={outcomeOptions} />
            </Form.Item>
            <Form.Item name="dates" label="推荐日期">
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
          </>
        }
        actions={
          hasRole(user, 'clerk', 'job_officer', 'leader') && (
            <Link to="/referrals/rates">
              <Button icon={<BarChartOutlined />}>推荐率统计</Button>
            </Link>
          )
        }
        columns={[
          { title: '推荐日期', dataIndex: 'date', width: 110 },
          {
            title: '姓名',
            dataIndex: 'personName',
            render: (n: string, r) => (
              <Space orientation="vertical" size={0}>
                <PersonLink personId={r.personId}>{n}</PersonLink>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {r.personIdNumber}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '岗位 / 用人单位',
            key: 'vacancy',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.vacancyTitle}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.employerName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '验证码', dataIndex: 'verificationCode', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          {
            title: '结果',
            key: 'outcome',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <OutcomeTag referral={r} />
                {r.outcomeNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.outcomeNote}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '单位反馈',
            key: 'feedback',
            render: (_: unknown, r) =>
              r.employerFeedback ? (
                <Tooltip title={r.employerFeedbackAt ? `反馈时间 ${formatDateTime(r.employerFeedbackAt)}` : undefined}>
                  <Typography.Text>{feedbackText(r.employerFeedback)}</Typography.Text>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          { title: '经办', key: 'staff', render: (_: unknown, r) => (r.unitName ? `${r.staffName}（${r.unitName}）` : r.staffName) },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={12}>
                <Link to={`/referrals/${r.id}/letter`}>介绍信</Link>
                {canRecord && (
                  <Tooltip title={nextOutcomesOf(r).length === 0 ? '结果已登记，不能再改' : undefined}>
                    <Button
                      size="small"
                      type="link"
                      style={{ padding: 0 }}
                      disabled={nextOutcomesOf(r).length === 0}
                      onClick={() => setRecording(r)}
                    >
                      登记结果
                    </Button>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      <OutcomeModal referral={recording} onClose={() => setRecording(null)} onDone={() => setReloadKey((k) => k + 1)} />
    </>
  );
}
