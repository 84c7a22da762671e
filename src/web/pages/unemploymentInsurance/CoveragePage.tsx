// 扩面征缴 at /ui/coverage (UI-6, 种子文件 003 §(十五): 扩面、征缴、清欠): one page with four tabs, as a
// UI officer works through them: 参保登记 (who is enrolled), 未参保单位 (whom to enrol), 欠费单位
// (who owes, and how much) and 跟进任务 (the visits and calls that follow). The tab is in the
// address (?tab=), so a link or a reload keeps it. UI officers write; finance, leaders, auditors
// and admins read the same lists without the buttons.
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Tabs } from 'antd';
import type { UiFollowUpKind } from '../../../shared/labels.js';
import { patch } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { ArrearsList } from './ArrearsList.js';
import { CloseFollowUpModal, EndEnrolmentModal, EnrolModal, FollowUpModal, type EmployerRef } from './CoverageDialogs.js';
import { EnrolmentsList, NotEnrolledList, type CoverageActions } from './CoverageLists.js';
import { coverageTabs, type CoverageTab, type Enrolment, type FollowUp } from './coverageTypes.js';
import { FollowUpsList } from './FollowUpsList.js';

const tabOf = (value: string | null): CoverageTab => coverageTabs.find((t) => t === value) ?? 'enrolments';

/** The page. */
export function CoveragePage() {
  const user = useUser();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const [version, setVersion] = useState(0);
  const [enrolling, setEnrolling] = useState<{ employer?: EmployerRef } | null>(null);
  const [ending, setEnding] = useState<Enrolment | null>(null);
  const [following, setFollowing] = useState<{ employer?: EmployerRef; kind: UiFollowUpKind } | null>(null);
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const reload = () => setVersion((v) => v + 1);

  /** A confirmed PATCH (undoing an end, reopening a task): no form, one question. */
  const confirmPatch = (title: string, content: string, path: string, body: object, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await patch(path, body);
          message.success(done);
          reload();
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });

  const actions: CoverageActions | undefined = hasRole(user, 'ui_officer')
    ? {
        enrol: (employer) => setEnrolling({ employer }),
        endEnrolment: setEnding,
        reopenEnrolment: (e) =>
          confirmPatch(
            `撤销终止：${e.employerName}`,
            `参保期间恢复为自 ${e.sinceMonth} 起仍在参保。`,
            `/ui/enrolments/${e.id}`,
            { untilMonth: null },
            '已撤销终止，恢复参保',
          ),
        followUp: (employer, kind) => setFollowing({ employer, kind }),
        closeFollowUp: setClosing,
        reopenFollowUp: (f) =>
          confirmPatch(
            `重新打开跟进任务：${f.employerName}`,
            '任务回到待办，原办理结果保留，再次办结时可修改。',
            `/ui/follow-ups/${f.id}`,
            { status: 'open' },
            '任务已重新打开',
          ),
      }
    : undefined;
  const after = (close: () => void) => () => {
    close();
    reload();
  };

  const lists: Record<CoverageTab, { label: string; list: ReactNode }> = {
    enrolments: { label: '参保登记', list: <EnrolmentsList version={version} actions={actions} /> },
    'not-enrolled': { label: '未参保单位', list: <NotEnrolledList version={version} actions={actions} /> },
    arrears: { label: '欠费单位', list: <ArrearsList version={version} actions={actions} /> },
    'follow-ups': { label: '跟进任务', list: <FollowUpsList version={version} actions={actions} /> },
  };
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'enrolments' ? {} : { tab: k }, { replace: true })}
        items={coverageTabs.map((key) => ({ key, label: lists[key].label, children: lists[key].list }))}
        destroyOnHidden
      />
      {actions && (
        <>
          <EnrolModal
            open={!!enrolling}
            employer={enrolling?.employer}
            onClose={() => setEnrolling(null)}
            onDone={after(() => setEnrolling(null))}
          />
          <EndEnrolmentModal enrolment={ending} onClose={() => setEnding(null)} onDone={after(() => setEnding(null))} />
          <FollowUpModal
            open={!!following}
            employer={following?.employer}
            kind={following?.kind}
            onClose={() => setFollowing(null)}
            onDone={after(() => setFollowing(null))}
          />
          <CloseFollowUpModal followUp={closing} onClose={() => setClosing(null)} onDone={after(() => setClosing(null))} />
        </>
      )}
    </>
  );
}
