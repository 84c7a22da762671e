// 修改密码: the user's own password; the server ends the session, so the user signs in again.
import { App, Form, Input } from 'antd';
import { post } from '../api.js';
import { useAuth } from '../auth.js';
import { FormModal } from './FormModal.js';
import { newPasswordHint, newPasswordRules } from '../passwordRules.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The change-password dialog. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const { signedOut } = useAuth();
  return (
    <FormModal<Values>
      title="修改密码"
      open={open}
      onClose={onClose}
      okText="确认修改"
      width={440}
      onSubmit={async (v) => {
        await post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
        message.success('密码已修改，请用新密码重新登录');
        signedOut();
      }}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={`${newPasswordHint}；修改后需重新登录`}
        rules={[{ required: true, message: '请输入新密码' }, ...newPasswordRules]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
