// 查看完整电话: asks for the reason, which goes into the audit log with the reveal.
import { App, Form, Input, Typography } from 'antd';
import { post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import type { Staff } from '../../types.js';

/** The reveal dialog for one member's phone. */
export function RevealPhoneModal({ member, onClose }: { member: Staff | null; onClose(): void }) {
  const { modal } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={`查看完整电话：${member?.name ?? ''}`}
      open={!!member}
      onClose={onClose}
      okText="查看"
      width={480}
      onSubmit={async ({ reason }) => {
        if (!member) return;
        const { phone } = await post<{ phone?: string | null }>(`/staff/${member.id}/reveal`, { fields: ['phone'], reason: reason.trim() });
        modal.info({
          title: `${member.name}的完整电话`,
          content: <Typography.Text copyable={!!phone} strong style={{ fontSize: 18 }}>{phone ?? '未登记电话'}</Typography.Text>,
          okText: '关闭',
        });
      }}
    >
      <Typography.Paragraph type="secondary">查看完整电话属于查看个人敏感信息，将连同查看原因记入审计日志。</Typography.Paragraph>
      <Form.Item name="reason" label="查看原因" rules={[{ required: true, whitespace: true, message: '请填写查看原因' }, { min: 2, max: 200, message: '原因 2–200 个字' }]}>
        <Input.TextArea rows={3} placeholder="如：联系其核实业务办理情况" />
      </Form.Item>
    </FormModal>
  );
}
