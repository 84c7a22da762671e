// 发放账号激活码 (JOB-7, issue 10): after checking the ID card (or the business licence and the
// agent's ID), a counter clerk issues a one-time code that binds a public-board account to this
// person or employer. The code is shown once, large enough to read out, with a slip to print.
import { useState } from 'react';
import { App, Button, Modal, Typography } from 'antd';
import { UnlockOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Role } from '../../shared/roles.js';
import { post } from '../api.js';
import { formatDateTime } from '../format.js';
import { errorText } from './formErrors.js';
import './activationSlip.css';

type Kind = 'seeker' | 'employer';

/** Who may issue activation codes (the server's rule in accounts/binding.ts). */
export const activationIssuers: Role[] = ['clerk', 'job_officer', 'admin'];

interface ActivationCode {
  code: string;
  expiresAt: string;
  name: string;
}

const texts: Record<Kind, { title: string; check: string; tab: string; register: string }> = {
  seeker: {
    title: '求职者账号激活码',
    check: '请先核验本人身份证，确认是本人办理。',
    tab: '求职者',
    register: '/jobs/register',
  },
  employer: {
    title: '用人单位账号激活码',
    check: '请先核验营业执照和经办人身份证件，确认经办人受单位委托。',
    tab: '用人单位',
    register: '/jobs/register?kind=employer',
  },
};

/** The button, its confirm dialog and the dialog with the issued code; `path` is the API's activation-code path. */
export function ActivationCodeButton({ kind, path, subject }: { kind: Kind; path: string; subject: string }) {
  const { modal, message } = App.useApp();
  const [issued, setIssued] = useState<ActivationCode | null>(null);
  const t = texts[kind];
  const ask = () =>
    modal.confirm({
      title: `为「${subject}」发放${t.title}？`,
      content: (
        <>
          <Typography.Paragraph>{t.check}</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            激活码 7 天内有效，只能使用一次，只显示这一次；发放新的激活码后，之前发放而未使用的激活码作废。
          </Typography.Paragraph>
        </>
      ),
      okText: '已核验，发放',
      cancelText: '取消',
      width: 480,
      onOk: async () => {
        try {
          setIssued(await post<ActivationCode>(path));
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  const registerUrl = `${window.location.origin}${t.register}`;
  return (
    <>
      <Button icon={<UnlockOutlined />} onClick={ask} data-testid="issue-activation-code">
        发放账号激活码
      </Button>
      <Modal
        title="激活码已发放"
        open={!!issued}
        onCancel={() => setIssued(null)}
        width={520}
        maskClosable={false}
        footer={[
          <Button key="close" onClick={() => setIssued(null)}>
            关闭
          </Button>,
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>,
        ]}
      >
        {issued && (
          <div className="activation-slip" data-testid="activation-slip">
            <div className="activation-slip-title">{t.title}</div>
            <div className="activation-slip-name">{issued.name}</div>
            <div className="activation-slip-code" data-testid="activation-code">
              {issued.code}
            </div>
            <div className="activation-slip-expiry">有效期至 {formatDateTime(issued.expiresAt).slice(0, 16)}，只能使用一次</div>
            <ol className="activation-slip-steps">
              <li>
                打开 <span className="activation-slip-url">{registerUrl}</span>
              </li>
              <li>选择「{t.tab}」，按证件填写信息，在「验证码」一栏填写上面的激活码，设置登录手机号和密码。</li>
            </ol>
            <div className="activation-slip-warning">请妥善保管，不要把激活码告诉他人。工作人员不会通过电话向您索要激活码。</div>
          </div>
        )}
      </Modal>
    </>
  );
}
