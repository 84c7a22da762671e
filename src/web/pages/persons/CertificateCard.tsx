// 就业失业登记证 (REG-3): the person's certificate number and status, every issue, withdrawal and
// reissue, and 收回 / 补发 for clerks. The first unemployment registration issues it; a withdrawn one
// is issued again only after an eligibility review (AID-5).
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { enteredColumn } from '../../components/enteredColumn.js';
import { FormModal } from '../../components/FormModal.js';
import { certificateActionColors, certificateActionNames, certificateStatusColors, certificateStatusNames } from '../../labels.js';
import type { Certificate, CertificateAction, CertificateEvent, Person } from '../../types.js';

type Change = Exclude<CertificateAction, 'issue'>;

interface Values {
  date: Dayjs;
  reason: string;
}

const reasonHints: Record<Change, string> = {
  withdraw: '如：已实现就业，按规定收回',
  reissue: '如：原证遗失，申请补发',
};

/** The 收回 / 补发 dialog (closed while `action` is null); `withdrawn` when the certificate was withdrawn. */
function CertificateModal({
  person,
  action,
  withdrawn,
  onClose,
  onDone,
}: {
  person: Person;
  action: Change | null;
  withdrawn: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const name = action ? certificateActionNames[action] : '';
  return (
    <FormModal<Values>
      title={action ? `${name}就业失业登记证：${person.name}` : ''}
      open={!!action}
      onClose={onClose}
      okText={name || '确定'}
      initialValues={{ date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        if (!action) return;
        const result = await post<Certificate>(
          `/persons/${person.id}/certificate`,
          { action, date: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() },
          { idempotencyKey },
        );
        message.success(action === 'reissue' ? `已补发，新证号 ${result.certificateNo ?? ''}` : '已收回就业失业登记证');
        onDone();
      }}
    >
      {action === 'reissue' && (
        <Typography.Paragraph type="secondary">
          补发将换发新证号，原证号作废。
          {withdrawn && '该证已收回：须先由审核员在“持证审核与享受政策”中办理资格审核，才能重新发证。'}
        </Typography.Paragraph>
      )}
      <Form.Item name="date" label={`${name}日期`} rules={[{ required: true, message: `请选择${name}日期` }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={`${name}原因`}
        rules={[
          { required: true, whitespace: true, message: `请填写${name}原因` },
          { min: 2, max: 200, message: '原因应为 2 至 200 个字' },
        ]}
      >
        <Input placeholder={action ? reasonHints[action] : undefined} />
      </Form.Item>
    </FormModal>
  );
}

/** The certificate card; `onChanged` after a withdrawal or reissue. */
export function CertificateCard({
  person,
  certificate,
  loading,
  error,
  canWrite,
  onChanged,
}: {
  person: Person;
  certificate: Certificate | undefined;
  loading: boolean;
  error?: string | undefined;
  canWrite: boolean;
  onChanged(): void;
}) {
  const [action, setAction] = useState<Change | null>(null);
  const no = certificate?.certificateNo ?? null;
  const status = certificate?.status ?? null;
  return (
    <Card
      title="就业失业登记证"
      id="certificate"
      data-testid="certificate-card"
      loading={loading && !certificate}
      extra={
        canWrite && (
          <Space size={6}>
            <Button size="small" onClick={() => setAction('withdraw')} disabled={status !== 'valid'}>
              收回
            </Button>
            <Button size="small" type="primary" ghost onClick={() => setAction('reissue')} disabled={!no}>
              补发
            </Button>
          </Space>
        )
      }
    >
      {error ? (
        <Typography.Text type="danger">{error}</Typography.Text>
      ) : !no ? (
        <Typography.Text type="secondary" data-testid="certificate-none">
          尚未发证（首次办理失业登记时自动发证）
        </Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'no',
                label: '证号',
                children: (
                  <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="certificate-no">
                    {no}
                  </Typography.Text>
                ),
              },
              {
                key: 'status',
                label: '状态',
                children: status ? (
                  <Tag color={certificateStatusColors[status]} data-testid="certificate-status">
                    {certificateStatusNames[status] ?? status}
                  </Tag>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <Table<CertificateEvent>
            rowKey="id"
            size="small"
            dataSource={certificate?.history ?? []}
            pagination={false}
            locale={{ emptyText: '尚无发证记录' }}
            columns={[
              {
                title: '办理',
                dataIndex: 'action',
                width: 80,
                render: (a: CertificateAction) => <Tag color={certificateActionColors[a]}>{certificateActionNames[a] ?? a}</Tag>,
              },
              {
                title: '证号',
                dataIndex: 'certificateNo',
                width: 170,
                render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span>,
              },
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
              enteredColumn<CertificateEvent>(),
            ]}
          />
        </>
      )}
      <CertificateModal
        person={person}
        action={action}
        withdrawn={status === 'withdrawn'}
        onClose={() => setAction(null)}
        onDone={onChanged}
      />
    </Card>
  );
}
