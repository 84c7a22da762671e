// A reviewer's 批准 / 驳回 of an application with a required comment (four eyes: the page shows it
// only to a reviewer who did not make the application).
import type { ReactNode } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { post } from '../api.js';
import { useSubmit } from './useSubmit.js';

/**
 * 批准 / 驳回 with a required comment, posted to `url` as {decision, comment}: a reviewer's
 * decision on an application another staff member made (subsidies, benefit claims).
 */
export function DecisionModal({
  url,
  what,
  summary,
  commentLabel,
  decision,
  onClose,
  onDone,
}: {
  url: string;
  /** What is decided, in the title: 补贴申请, 失业保险金申领. */
  what: string;
  /** The facts the reviewer confirms, above the comment. */
  summary: ReactNode;
  /** 审批意见 or 审核意见. */
  commentLabel: string;
  decision: 'approve' | 'reject' | null;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const { busy, problem, clearProblem, submit: send } = useSubmit();
  const label = decision === 'reject' ? '驳回' : '批准';
  const submit = async () => {
    let comment: string;
    try {
      comment = (await form.validateFields()).comment.trim();
    } catch {
      return;
    }
    await send(async () => {
      await post(url, { decision, comment });
      message.success(`已${label}`);
      form.resetFields();
      onDone();
    });
  };
  return (
    <Modal
      title={`${label}${what}`}
      open={decision !== null}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      onOk={() => void submit()}
      okText={label}
      okButtonProps={{ danger: decision === 'reject' }}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>{summary}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={commentLabel}
          rules={[
            { required: true, whitespace: true, message: `请填写${commentLabel}` },
            { min: 2, max: 500, message: `${commentLabel}为 2–500 个字` },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={decision === 'reject' ? '驳回的理由' : '如：材料齐全，符合条件'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
