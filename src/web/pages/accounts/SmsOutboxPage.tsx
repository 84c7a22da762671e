// 待发短信 (JOB-7, issue 10): the text messages with registration codes for persons and employers
// in the staff member's scope. Without an SMS gateway they stay here and the counter reads the
// code to the person after checking their ID card; with one, their status shows the delivery.
import { Alert, Space, Tag, Typography } from 'antd';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';

/** One message of GET /sms-outbox; the phone comes masked. */
interface OutboxMessage {
  id: string;
  phone: string;
  regionCode: string;
  purpose: string;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

const purposeNames: Record<string, string> = { seeker_binding: '求职者注册验证码', employer_binding: '单位注册验证码' };
const statuses: Record<string, { label: string; color: string }> = {
  pending: { label: '待发（由窗口告知）', color: 'orange' },
  sent: { label: '已发送', color: 'green' },
  failed: { label: '发送失败', color: 'red' },
  expired: { label: '已过期（请本人重新获取）', color: 'default' },
};

/** The message with its code in bold, so it is found at a glance and read out right. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(\d{6})/);
  return (
    <div style={{ minWidth: 300, maxWidth: 480, whiteSpace: 'normal' }}>
      {parts.map((part, i) =>
        /^\d{6}$/.test(part) ? (
          <Typography.Text key={i} strong code style={{ fontSize: 16 }} data-testid="sms-code">
            {part}
          </Typography.Text>
        ) : (
          part
        ),
      )}
    </div>
  );
}

/** The page at /sms-outbox. */
export function SmsOutboxPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        data-testid="sms-outbox-note"
        title="未接入短信网关时，注册验证码短信留在这里，不会发到手机上"
        description="求职者或单位经办人到窗口说收不到验证码时，请先核验其身份证（单位另核验营业执照），确认手机号与登记的一致，再把对应短信中的验证码告诉本人。验证码 10 分钟内有效，过期请让其重新获取；也可以在人员详情或用人单位详情页为其发放账号激活码。"
      />
      <PagedTable<OutboxMessage>
        title="注册验证码短信"
        path="/sms-outbox"
        rowKey="id"
        exportName="待发短信"
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (t: string) => formatDateTime(t), width: 170 },
          {
            title: '手机号',
            dataIndex: 'phone',
            render: (p: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{p}</span>,
          },
          { title: '用途', dataIndex: 'purpose', render: (p: string) => purposeNames[p] ?? p },
          { title: '内容', dataIndex: 'body', render: (b: string) => <Body text={b} /> },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, m) => (
              <span data-testid="sms-status">
                <Tag color={statuses[s]?.color}>{statuses[s]?.label ?? s}</Tag>
                {m.sentAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(m.sentAt)}
                  </Typography.Text>
                )}
              </span>
            ),
          },
        ]}
      />
    </Space>
  );
}
