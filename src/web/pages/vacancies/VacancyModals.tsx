// The dialogs that change a vacancy: 编辑 (back to review), 关闭, and a reviewer's 通过 / 驳回.
import { Alert, App, Form, Input, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { ApiError, patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import type { Vacancy } from '../../types.js';
import { changedFields } from './requestBodies.js';
import { blockingFlags, flagCountText } from './ScreeningFlags.js';
import { fromVacancy, toVacancyBody, vacancyRename, VacancyFormLayout, type VacancyFormValues } from './vacancyFields.js';

/** 编辑岗位: every field but the employer; the text is screened again and the vacancy goes back to 待审核. */
export function EditVacancyModal({ vacancy, onClose, onSaved }: { vacancy: Vacancy | null; onClose(): void; onSaved(v: Vacancy): void }) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<VacancyFormValues>
      title={`编辑岗位：${vacancy?.title ?? ''}（${vacancy?.employerName ?? ''}）`}
      open={!!vacancy}
      onClose={onClose}
      width={1240}
      rename={vacancyRename}
      initialValues={vacancy ? fromVacancy(vacancy) : {}}
      onSubmit={async (v) => {
        if (!vacancy) return;
        const changes = changedFields(toVacancyBody(v), toVacancyBody(fromVacancy(vacancy)));
        // An unchanged save would still send a published vacancy back to review: skip it.
        if (Object.keys(changes).length === 0) {
          message.info('未作修改，岗位状态不变');
          return;
        }
        const saved = await patch<Vacancy>(`/vacancies/${vacancy.id}`, changes);
        const flags = saved.screening.flags;
        message.success(
          flags.length > 0 ? `已保存，重新审查提示：${flagCountText(flags)}，岗位回到待审核` : '已保存，重新审查未发现问题，岗位回到待审核',
        );
        onSaved(saved);
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          vacancy?.status === 'pending_review'
            ? '保存后将重新进行就业歧视审查，岗位仍在待审核'
            : '保存后将重新进行就业歧视审查，岗位回到待审核状态，须审核通过后才再次发布'
        }
      />
      <VacancyFormLayout mode="edit" baseScope={user.scope} />
    </FormModal>
  );
}

/** 关闭岗位 (下架) with a reason. */
export function CloseVacancyModal({ vacancy, onClose, onDone }: { vacancy: Vacancy | null; onClose(): void; onDone(v: Vacancy): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={`关闭岗位：${vacancy?.title ?? ''}`}
      open={!!vacancy}
      onClose={onClose}
      okText="关闭岗位"
      onSubmit={async (v) => {
        if (!vacancy) return;
        onDone(await post<Vacancy>(`/vacancies/${vacancy.id}/close`, { reason: v.reason.trim() }));
        message.success('岗位已关闭，不再对外展示');
      }}
    >
      <Typography.Paragraph type="secondary">
        关闭后岗位从岗位信息公开栏撤下，且不能再修改；如需再次招聘，请重新登记岗位。
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label="关闭原因"
        rules={[
          { required: true, whitespace: true, message: '请填写关闭原因' },
          { min: 2, max: 200, message: '关闭原因 2–200 个字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="如：单位已招满，申请撤下" autoFocus />
      </Form.Item>
    </FormModal>
  );
}

export type ReviewDecision = 'approve' | 'reject';

/**
 * 审核通过 / 驳回. Approving a vacancy with unresolved flags is refused by the server (422
 * RULE_VIOLATION) unless the comment gives the reason, so the dialog says so before the click: the
 * flagged words above, and the comment marked required with what to write. Each problem then has
 * one message, on the comment field (the server's refusal too, should the flags have changed).
 */
export function ReviewModal({
  vacancy,
  decision,
  onClose,
  onDone,
}: {
  vacancy: Vacancy | null;
  decision: ReviewDecision;
  onClose(): void;
  onDone(v: Vacancy): void;
}) {
  const { message } = App.useApp();
  const blocking = vacancy ? blockingFlags(vacancy.screening.flags) : [];
  const approve = decision === 'approve';
  return (
    <FormModal<{ comment?: string }>
      title={`${approve ? '审核通过' : '驳回'}：${vacancy?.title ?? ''}（${vacancy?.employerName ?? ''}）`}
      open={!!vacancy}
      onClose={onClose}
      okText={approve ? '通过并发布' : '驳回'}
      onSubmit={async (v) => {
        if (!vacancy) return;
        const comment = v.comment?.trim() || undefined;
        try {
          onDone(await post<Vacancy>(`/vacancies/${vacancy.id}/review`, { decision, comment }));
        } catch (err) {
          // The refusal's detail names the words: put it on the field alone, not also in a banner.
          if (err instanceof ApiError && err.code === 'RULE_VIOLATION')
            throw new ApiError(err.status, err.code, err.detail, [{ path: '/comment', code: 'FLAGS_UNRESOLVED', message: err.detail }]);
          throw err;
        }
        message.success(approve ? '审核通过，岗位已发布' : '已驳回，审核意见将告知登记人');
      }}
    >
      {approve && vacancy && vacancy.screening.flags.length > 0 && (
        <Typography.Paragraph data-testid="review-flags">
          <WarningOutlined style={{ color: blocking.length > 0 ? '#cf1322' : '#d46b08' }} /> 审查提示：
          {flagCountText(vacancy.screening.flags)}
          {blocking.length > 0 && `（${blocking.map((f) => `“${f.text}”`).join('、')}）`}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="comment"
        label="审核意见"
        rules={
          approve && blocking.length === 0
            ? [{ max: 500, message: '最多 500 个字' }]
            : [
                {
                  required: true,
                  whitespace: true,
                  message: approve ? '请写明保留上述内容的理由，或取消后先“编辑”修改岗位' : '驳回须填写审核意见，告诉单位应如何修改',
                },
                { max: 500, message: '最多 500 个字' },
              ]
        }
        extra={
          !approve
            ? '将告知登记人应如何修改'
            : blocking.length > 0
              ? '必填：有须修改的内容时，只有确属合法要求（如矿山井下作业限男性）才可通过，须写明理由'
              : '可不填'
        }
      >
        <Input.TextArea
          rows={3}
          autoFocus
          placeholder={
            approve ? (blocking.length > 0 ? '如：矿山井下作业，依法限男性' : '') : '如：请删除“限男性”等限制性别的条件后重新提交'
          }
        />
      </Form.Item>
    </FormModal>
  );
}
