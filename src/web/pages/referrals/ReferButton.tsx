// 推荐 (JOB-5): refers one person to one vacancy after a confirmation, then offers the letter.
// Used beside every match, on the person page and on a vacancy's 匹配求职者 page.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, SendOutlined } from '@ant-design/icons';
import { newIdempotencyKey, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import type { Referral } from '../../types.js';

export interface ReferButtonProps {
  personId: string;
  vacancyId: string;
  /** "王建军 → 电焊工（山西晋阳重工机械有限公司）", for the confirmation. */
  description: string;
  /** The earlier referral of this person to this vacancy: shown instead of the button. */
  earlier?: Referral | undefined;
  /** Why the person cannot be referred (shown on a disabled button). */
  disabledReason?: string | undefined;
  onReferred(referral: Referral): void;
}

/** The 推荐 button, or 已推荐 with the letter when the person was referred there before. */
export function ReferButton({ personId, vacancyId, description, earlier, disabledReason, onReferred }: ReferButtonProps) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  // One key per button: a retried click after a lost answer does not refer twice.
  const [idempotencyKey] = useState(newIdempotencyKey);

  if (earlier) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="blue">已推荐</Tag>
        <Link to={`/referrals/${earlier.id}/letter`}>介绍信</Link>
      </Space>
    );
  }
  if (disabledReason) {
    return (
      <Tooltip title={disabledReason}>
        <Button size="small" icon={<SendOutlined />} disabled>
          推荐
        </Button>
      </Tooltip>
    );
  }

  const refer = async () => {
    setBusy(true);
    try {
      const referral = await post<Referral>('/referrals', { personId, vacancyId }, { idempotencyKey });
      onReferred(referral);
      modal.confirm({
        icon: <CheckCircleFilled style={{ color: '#389e0d' }} />,
        title: '已推荐，介绍信已开具',
        content: (
          <Space orientation="vertical" size={4}>
            <span>
              {referral.personName} → {referral.vacancyTitle}（{referral.employerName}）
            </span>
            <span>
              介绍信验证码：
              <Typography.Text strong copyable style={{ fontFamily: 'monospace', fontSize: 16 }}>
                {referral.verificationCode}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">已同时记入该人员的服务记录（职业介绍）。请打印介绍信交求职者带往用人单位。</Typography.Text>
          </Space>
        ),
        okText: '打开介绍信',
        cancelText: '稍后打印',
        onOk: () => navigate(`/referrals/${referral.id}/letter`),
      });
    } catch (err) {
      modal.error({ title: '未能推荐', content: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm title="推荐并开具介绍信？" description={description} okText="推荐" cancelText="取消" onConfirm={() => void refer()}>
      <Button size="small" type="primary" icon={<SendOutlined />} loading={busy}>
        推荐
      </Button>
    </Popconfirm>
  );
}
