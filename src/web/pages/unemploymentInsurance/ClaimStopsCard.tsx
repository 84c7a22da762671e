// 停发与拒绝介绍 on a claim (UI-3, 《失业保险条例》第十五条): the stop with its reason and article;
// for a UI officer, 停发 of a pending or active claim by a reason of 第十五条第（二）–（五）、（七）项
// (re-employment stops by the employment registration, refusals by their count), and the refusals of
// offered work or training, counted against the parameter ui.refusals_to_stop: the refusal that
// reaches it stops payment, so the card warns before it and both dialogs confirm before a stop.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { uiStopReasonArticles, uiStopReasonNames, type UiStopReason } from '../../../shared/labels.js';
import { get, post } from '../../api.js';
import type { ResponseOf } from '../../apiTypes.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { claimsApi, type Claim } from './uiTypes.js';

type Refusals = ResponseOf<'/api/v1/ui/claims/{id}/refusals'>;
type Refusal = Refusals['items'][number];
type RefusalResult = ResponseOf<'/api/v1/ui/claims/{id}/refusals', 'post'>;

/** The reasons an officer states on a stop (第十五条第（二）–（五）、（七）项), in the article's order. */
export const manualStopReasons = [
  'conscripted',
  'moved_away',
  'pension_started',
  'imprisoned',
  'other',
] as const satisfies readonly UiStopReason[];

/** "（二）应征服兵役": a reason as the select lists it. */
export const stopReasonOption = (r: UiStopReason) =>
  `${uiStopReasonArticles[r].replace('第十五条第', '').replace('项', '')}${uiStopReasonNames[r]}`;

interface StopValues {
  reason: (typeof manualStopReasons)[number];
  date: Dayjs;
  note?: string;
}

interface RefusalValues {
  date: Dayjs;
  offer: string;
  note?: string;
}

/** Dates an event may have: from the separation to today. */
const outsideClaim = (claim: Claim) => (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(claim.separationDate), 'day');

/** Asks before a request that stops the claim; resolves whether the officer confirmed. */
function useConfirmStop() {
  const { modal } = App.useApp();
  return (title: string, content: string) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title,
        content,
        okText: '确认停发',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}

function StopModal({ claim, open, onClose, onDone }: { claim: Claim; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const confirmStop = useConfirmStop();
  return (
    <FormModal<StopValues>
      title={`停发失业保险金：${claim.personName ?? ''}`}
      open={open}
      onClose={onClose}
      okText="停发"
      initialValues={{ date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        const date = v.date.format('YYYY-MM-DD');
        const confirmed = await confirmStop(
          `确认自 ${date} 起停发？`,
          `${claim.personName ?? ''}的失业保险金申领将以“${uiStopReasonNames[v.reason]}”（《失业保险条例》${uiStopReasonArticles[v.reason]}）停发，${date} 所在月份起不再发放。停发后不能撤销。`,
        );
        if (!confirmed) return false;
        await post<Claim>(
          `${claimsApi}/${claim.id}/stop`,
          { reason: v.reason, date, note: v.note?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(`已停发：${uiStopReasonNames[v.reason]}`);
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary">
        重新就业的请办理就业登记，申领随登记日期自动停发；拒不接受介绍的工作或培训请逐次登记拒绝记录。
      </Typography.Paragraph>
      <Form.Item name="reason" label="停发原因（条例第十五条）" rules={[{ required: true, message: '请选择停发原因' }]}>
        <Select placeholder="请选择" options={manualStopReasons.map((r) => ({ value: r, label: stopReasonOption(r) }))} />
      </Form.Item>
      <Form.Item
        name="date"
        label="事件日期"
        rules={[{ required: true, message: '请选择事件日期' }]}
        extra={`自该日期起停发；不早于离职日期 ${claim.separationDate}，不晚于今天`}
      >
        <DatePicker disabledDate={outsideClaim(claim)} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item noStyle dependencies={['reason']}>
        {({ getFieldValue }) => {
          const other = getFieldValue('reason') === 'other';
          return (
            <Form.Item
              name="note"
              label={other ? '依据' : '说明'}
              rules={[
                { required: other, whitespace: true, message: '其他情形须写明依据的法律、行政法规' },
                { max: 500, message: '最多 500 个字' },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} placeholder={other ? '依据的法律、行政法规及条款' : '如：本人提交入伍通知书'} />
            </Form.Item>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}

function RefusalModal({
  claim,
  refusals,
  open,
  onClose,
  onDone,
}: {
  claim: Claim;
  refusals: Refusals;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const confirmStop = useConfirmStop();
  const next = refusals.total + 1;
  const stops = refusals.refusalsToStop !== null && next >= refusals.refusalsToStop;
  return (
    <FormModal<RefusalValues>
      title={`登记拒绝介绍：${claim.personName ?? ''}`}
      open={open}
      onClose={onClose}
      okText="登记"
      initialValues={{ date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        const date = v.date.format('YYYY-MM-DD');
        if (
          stops &&
          !(await confirmStop(
            `第 ${next} 次拒绝将停发失业保险金，确认登记？`,
            `累计拒绝达到 ${refusals.refusalsToStop} 次，申领将自 ${date} 起停发（《失业保险条例》${uiStopReasonArticles.refused_offers}）。停发后不能撤销。`,
          ))
        )
          return false;
        const result = await post<RefusalResult>(
          `${claimsApi}/${claim.id}/refusals`,
          { date, offer: v.offer.trim(), note: v.note?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(
          result.stopped
            ? `已登记第 ${result.refusals} 次拒绝，达到 ${result.refusalsToStop} 次，申领自 ${date} 起停发`
            : `已登记第 ${result.refusals} 次拒绝（累计 ${result.refusalsToStop} 次停发）`,
        );
        onDone();
      }}
    >
      {stops ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="refusal-stop-warning"
          title={`这是第 ${next} 次拒绝，达到 ${refusals.refusalsToStop} 次：登记后申领自拒绝之日起停发`}
        />
      ) : (
        <Typography.Paragraph type="secondary">
          无正当理由拒不接受当地人民政府指定的部门或者机构介绍的适当工作或者提供的培训的，逐次登记；累计 {refusals.refusalsToStop ?? '—'}{' '}
          次停发。
        </Typography.Paragraph>
      )}
      <Form.Item name="date" label="拒绝日期" rules={[{ required: true, message: '请选择拒绝日期' }]}>
        <DatePicker disabledDate={outsideClaim(claim)} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="offer"
        label="介绍的工作或培训"
        rules={[
          { required: true, whitespace: true, message: '请填写介绍的岗位、单位或培训项目' },
          { min: 2, max: 200, message: '2–200 个字' },
        ]}
      >
        <Input maxLength={200} placeholder="如：某物业公司 保洁员；焊工培训班" />
      </Form.Item>
      <Form.Item name="note" label="拒绝理由" rules={[{ max: 500, message: '最多 500 个字' }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder="本人所述的理由，如：称离家远" />
      </Form.Item>
    </FormModal>
  );
}

/** The card on the claim page; `onChanged` reloads the claim after a stop or a refusal. */
export function ClaimStopsCard({ claim, onChanged }: { claim: Claim; onChanged(): void }) {
  const user = useUser();
  const refusals = useLoad(() => get<Refusals>(`${claimsApi}/${claim.id}/refusals`), [claim.id, claim.status]);
  const [dialog, setDialog] = useState<'stop' | 'refusal' | null>(null);
  const open = claim.status === 'pending' || claim.status === 'active';
  const canAct = open && hasRole(user, 'ui_officer');
  const r = refusals.data;
  const lastBeforeStop = open && !!r && r.refusalsToStop !== null && r.total + 1 >= r.refusalsToStop;
  const done = () => {
    setDialog(null);
    refusals.reload();
    onChanged();
  };
  return (
    <Card
      title="停发与拒绝介绍"
      size="small"
      data-testid="claim-stops"
      extra={
        canAct && (
          <Space>
            <Button onClick={() => setDialog('refusal')} disabled={!r}>
              登记拒绝介绍
            </Button>
            <Button danger onClick={() => setDialog('stop')}>
              停发
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {claim.stoppedOn && claim.stopReason ? (
          <Alert
            type="info"
            showIcon
            data-testid="claim-stop"
            title={`${claim.stoppedOn} 起停发：${uiStopReasonNames[claim.stopReason]}`}
            description={`依据《失业保险条例》${uiStopReasonArticles[claim.stopReason]}`}
          />
        ) : (
          <Typography.Text type="secondary" data-testid="claim-stop">
            {open ? '未停发' : '未停发（申领已终结）'}
          </Typography.Text>
        )}
        {refusals.error ? <Alert type="error" showIcon title={errorText(refusals.error)} /> : null}
        {r && (
          <Typography.Text data-testid="refusal-count">
            拒绝介绍 {r.total} 次{r.refusalsToStop !== null ? `，累计 ${r.refusalsToStop} 次停发` : '（本地区未设定停发次数）'}
            {r.source && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                依据：{r.source}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
        {lastBeforeStop && r && (
          <Alert
            type="warning"
            showIcon
            data-testid="refusal-warning"
            title={`已拒绝 ${r.total} 次：再登记一次拒绝将达到 ${r.refusalsToStop} 次，停发失业保险金`}
          />
        )}
        {r && r.total > 0 && (
          <Table<Refusal>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.items}
            data-testid="claim-refusals"
            columns={[
              { title: '拒绝日期', dataIndex: 'date', width: 110 },
              { title: '介绍的工作或培训', dataIndex: 'offer' },
              { title: '拒绝理由', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
              {
                title: '登记人',
                dataIndex: 'recordedByName',
                render: (name: string, x) => (
                  <span>
                    {name}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(x.recordedAt)}
                    </Typography.Text>
                  </span>
                ),
              },
            ]}
          />
        )}
      </Space>
      {canAct && (
        <>
          <StopModal claim={claim} open={dialog === 'stop'} onClose={() => setDialog(null)} onDone={done} />
          {r && <RefusalModal claim={claim} refusals={r} open={dialog === 'refusal'} onClose={() => setDialog(null)} onDone={done} />}
        </>
      )}
    </Card>
  );
}
