// 投递: a signed-in seeker applies online to a published vacancy, once (JOB-7). Shared by the
// recommendations on 我的 and the vacancy's own page.
import { useState } from 'react';
import { App, Button } from 'antd';
import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError, post } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import type { Application } from './types.js';

/** The 投递 button of a vacancy, 已投递 once applied; `reload` refreshes the applications after one. */
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

  const button = (vacancyId: string, size: 'middle' | 'large' = 'middle') =>
    applied(vacancyId) ? (
      <Button size={size} disabled icon={<CheckOutlined />} data-testid="applied">
        已投递
      </Button>
    ) : (
      <Button
        type="primary"
        size={size}
        icon={<SendOutlined />}
        loading={sending === vacancyId}
        disabled={!applications}
        onClick={() => void apply(vacancyId)}
        data-testid="apply"
      >
        投递
      </Button>
    );
  return { applied, button };
}
