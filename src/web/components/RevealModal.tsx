// 查看完整号码: asks for the reason, which goes into the audit log with the reveal, then shows
// the unmasked values. Used for staff phones and for a person's ID number and phone.
import { App, Descriptions, Form, Input, Typography } from 'antd';
import { post } from '../api.js';
import { FormModal } from './FormModal.js';

export interface RevealRequest {
  /** Whose identifiers, for the titles ("张三"). */
  subject: string;
  /** The reveal endpoint, e.g. `/persons/<id>/reveal`. */
  path: string;
  /** API field → what the user calls it: `{ idNumber: '身份证号' }`. */
  fields: Record<string, string>;
}

/** The reveal dialog; closed while `request` is null. */
export function RevealModal({ request, onClose }: { request: RevealRequest | null; onClose(): void }) {
  const { modal } = App.useApp();
  const what = request ? Object.values(request.fields).join('、') : '';
  return (
    <FormModal<{ reason: string }>
      title={`查看完整${what}：${request?.subject ?? ''}`}
      open={!!request}
      onClose={onClose}
      okText="查看"
      width={480}
      onSubmit={async ({ reason }) => {
        if (!request) return;
        const values = await post<Record<string, string | null | undefined>>(request.path, {
          fields: Object.keys(request.fields),
          reason: reason.trim(),
        });
        const entries = Object.entries(request.fields);
        const shown = (field: string) => {
          const value = values[field];
          return value ? (
            <Typography.Text copyable strong style={{ fontSize: 18 }}>
              {value}
            </Typography.Text>
          ) : (
            `未登记${request.fields[field] ?? ''}`
          );
        };
        modal.info({
          title: `${request.subject}的完整${what}`,
          content:
            entries.length === 1 ? (
              shown(entries[0]![0])
            ) : (
              <Descriptions
                column={1}
                size="small"
                items={entries.map(([field, label]) => ({ key: field, label, children: shown(field) }))}
              />
            ),
          okText: '关闭',
        });
      }}
    >
      <Typography.Paragraph type="secondary">查看完整{what}属于查看个人敏感信息，将连同查看原因记入审计日志。</Typography.Paragraph>
      <Form.Item
        name="reason"
        label="查看原因"
        rules={[
          { required: true, whitespace: true, message: '请填写查看原因' },
          { min: 2, max: 200, message: '原因 2–200 个字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：联系其核实业务办理情况" autoFocus />
      </Form.Item>
    </FormModal>
  );
}
