// 投递: a signed-in seeker applies online to a published vacancy, once (JOB-7). Shared by the
// recommendations on 我的 and the vacancy's own page.
import { useState } from 'react';
import { App, Button, Popconfirm } from 'antd';
import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import type { Application } from './types.js';

/** What the confirmation names: the vacancy and its employer. */
export interface ApplyTarget {
  vacancyId: string;
  title: string;
  employerName: string;
}

/**
 * The 投递 button of a vacancy, 已投递 once applied; `reload` refreshes the applications after one.
 * An application cannot be taken back and hands the seeker's name and phone to the employer, so
 * the button asks first.
 */
export function useApply(applications: Application[] | undefined, reload: () => void) {
  const { message } = App.useApp();
  const [sending, setSending] = useState<string | null>(null);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const applied = (vacancyId: string) => sent.has(vacancyId) || !!applications?.some((a) => a.vacancyId === vacancyId);

  const apply = async (vacancyId: string) => {
    setSending(vacancyId);
    try {
      await post<Application>('/public/me/applications', { vacancyId });
      message.success('已投递，招聘单位会通过您的手机号联系您');
      setSent((s) => new Set(s).add(vacancyId));
      reload();
    } catch (err) {
      // 409: applied earlier (in another tab, say): the result the seeker wanted all the same.
      if (err instanceof ApiError && err.status === 409) setSent((s) => new Set(s).add(vacancyId));
      else message.error(errorText(err));
    } finally {
      setSending(null);
    }
  };

  const button = ({ vacancyId, title, employerName }: ApplyTarget, size: 'middle' | 'large' = 'middle') =>
    applied(vacancyId) ? (
      <Button size={size} disabled icon={<CheckOutlined />} data-testid="applied">
        已投递
      </Button>
    ) : (
      <Popconfirm
        title={`投递“${title}”（${employerName}）？`}
        description={
          <span data-testid="apply-confirm" style={{ display: 'inline-block', maxWidth: 300 }}>
            招聘单位将看到您的姓名和手机号，并通过手机与您联系；投递后不能撤回，每个岗位只能投递一次。
          </span>
        }
        okText="确认投递"
        cancelText="再想想"
        onConfirm={() => apply(vacancyId)}
        disabled={!applications}
      >
        <Button
          type="primary"
          size={size}
          icon={<SendOutlined />}
          loading={sending === vacancyId}
          disabled={!applications}
          data-testid="apply"
        >
          投递
        </Button>
      </Popconfirm>
    );
  return { applied, button };
}
