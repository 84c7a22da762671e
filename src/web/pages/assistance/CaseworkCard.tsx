// 就业援助 on the person page (AID-2): the named caseworker (指定/更换 with the history kept), the
// visits with the next one due (登记走访 on its real date), and the individual employment plan of
// dated steps (添加步骤, 完成). The card shows for a recognised person, or whoever already has casework.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, List, Radio, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { get, patch, post, put } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { DeadlineText } from '../../components/DeadlineText.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { useLoad } from '../../hooks.js';
import type { Casework, Person, PlanStep } from '../../types.js';

export const visitKindNames = { home: '入户走访', phone: '电话回访', counter: '窗口面谈' } as const;
type VisitKind = keyof typeof visitKindNames;
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The card; reloads with `version`, and calls `onChanged` after a change (a visit adds a service record). */
export function CaseworkCard({ person, version, onChanged }: { person: Person; version: number; onChanged(): void }) {
  const user = useUser();
  const canWrite = hasRole(user, 'clerk');
  const [tick, setTick] = useState(0);
  const work = useLoad(() => get<Casework>(`/persons/${person.id}/casework`), [person.id, version, tick]);
  const [dialog, setDialog] = useState<'assign' | 'visit' | 'step' | PlanStep | null>(null);
  const c = work.data;
  if (c && !c.schedule && !c.caseworker && c.plan.length === 0 && c.visits.length === 0) return null;
  const done = () => {
    setDialog(null);
    setTick((t) => t + 1);
    onChanged();
  };
  return (
    <Card title="就业援助" id="casework" data-testid="casework-card" loading={work.loading && !c}>
      {work.error ? (
        <Typography.Text type="danger">{errorText(work.error)}</Typography.Text>
      ) : c ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="援助责任人">
              <Space size={8}>
                <span data-testid="casework-caseworker">
                  {c.caseworker ? `${c.caseworker.name}（${c.caseworker.assignedOn} 起）` : '未指定'}
                </span>
                {canWrite ? (
                  <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')}>
                    {c.caseworker ? '更换' : '指定'}
                  </Button>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="上次走访">{c.schedule?.lastVisitOn ?? (c.schedule ? '尚未走访' : '—')}</Descriptions.Item>
            <Descriptions.Item label="下次应走访">
              {c.schedule ? (
                <span data-testid="casework-next-visit">
                  <DeadlineText
                    deadline={c.schedule.nextVisitDue}
                    state={c.schedule.status === 'scheduled' ? 'open' : (c.schedule.status as 'due_soon' | 'overdue')}
                  />
                </span>
              ) : (
                '无有效认定，不安排走访'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="走访间隔">{c.schedule ? `${c.schedule.intervalDays} 天` : '—'}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header={
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>走访记录</Typography.Text>
                {canWrite ? (
                  <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('visit')}>
                    登记走访
                  </Button>
                ) : null}
              </Space>
            }
            locale={{ emptyText: '尚无走访记录' }}
            dataSource={c.visits.slice(0, 5)}
            renderItem={(v) => (
              <List.Item key={v.id} data-testid="casework-visit">
                <Space size={12} wrap>
                  <span>{v.date}</span>
                  <Tag>{visitKindNames[v.kind as VisitKind]}</Tag>
                  <Typography.Text>{v.note}</Typography.Text>
                  <Typography.Text type="secondary">{v.staffName}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>个人就业计划</Typography.Text>
            {canWrite ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('step')}>
                添加步骤
              </Button>
            ) : null}
          </Space>
          <Table<PlanStep>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.plan}
            locale={{ emptyText: '尚未制定计划' }}
            columns={[
              { title: '事项', dataIndex: 'text' },
              { title: '计划日期', dataIndex: 'dueOn', width: 110 },
              {
                title: '完成',
                width: 220,
                render: (_, s) =>
                  s.doneOn ? (
                    <Space size={4} wrap>
                      <Tag color="success">{s.doneOn} 完成</Tag>
                      {s.doneNote ? <Typography.Text type="secondary">{s.doneNote}</Typography.Text> : null}
                    </Space>
                  ) : canWrite ? (
                    <Button size="small" icon={<CheckOutlined />} onClick={() => setDialog(s)}>
                      登记完成
                    </Button>
                  ) : (
                    <Typography.Text type={s.dueOn < ymd(dayjs()) ? 'danger' : 'secondary'}>未完成</Typography.Text>
                  ),
              },
            ]}
          />
          {c.assignments.length > 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              历任责任人：
              {c.assignments
                .filter((x) => x.endedOn)
                .map((x) => `${x.caseworkerName}（${x.assignedOn} 至 ${x.endedOn}）`)
                .join('；')}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      {c ? (
        <>
          <AssignModal
            open={dialog === 'assign'}
            person={person}
            current={c.caseworker?.id ?? null}
            onClose={() => setDialog(null)}
            onDone={done}
          />
          <VisitModal open={dialog === 'visit'} person={person} onClose={() => setDialog(null)} onDone={done} />
          <StepModal open={dialog === 'step'} person={person} onClose={() => setDialog(null)} onDone={done} />
          <StepDoneModal step={typeof dialog === 'object' ? dialog : null} onClose={() => setDialog(null)} onDone={done} />
        </>
      ) : null}
    </Card>
  );
}

/** 指定援助责任人: the clerks of the user's scope whose own area holds the person, the user first as 本人. */
function AssignModal(props: { open: boolean; person: Person; current: string | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ caseworkerId: string; reason?: string }>
      title={props.current ? '更换援助责任人' : '指定援助责任人'}
      open={props.open}
      onClose={props.onClose}
      okText="确定"
      onSubmit={async (v) => {
        const updated = await put<Casework>(`/persons/${props.person.id}/caseworker`, {
          caseworkerId: v.caseworkerId,
          ...(v.reason ? { reason: v.reason } : {}),
        });
        message.success(`援助责任人：${updated.caseworker?.name ?? ''}`);
        props.onDone();
      }}
    >
      <Form.Item
        name="caseworkerId"
        label="援助责任人"
        rules={[{ required: true, message: '请选择援助责任人' }]}
        extra="可指定管辖范围包含该人员的经办人员。"
      >
        <StaffPicker
          active={props.open}
          regionCode={props.person.regionCode}
          role="clerk"
          exclude={props.current}
          aria-label="援助责任人"
          placeholder="请选择经办人员"
        />
      </Form.Item>
      {props.current ? (
        <Form.Item name="reason" label="更换原因">
          <Input maxLength={200} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** 登记走访: the real date (late entry allowed), how, and what was found. */
function VisitModal(props: { open: boolean; person: Person; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ date: Dayjs; kind: VisitKind; note: string }>
      title="登记走访"
      open={props.open}
      onClose={props.onClose}
      okText="登记"
      initialValues={{ date: dayjs(), kind: 'home' }}
      onSubmit={async (v) => {
        const updated = await post<Casework>(`/persons/${props.person.id}/visits`, { date: ymd(v.date), kind: v.kind, note: v.note });
        message.success(updated.schedule ? `已登记走访，下次应走访：${updated.schedule.nextVisitDue}` : '已登记走访');
        props.onDone();
      }}
    >
      <Form.Item name="date" label="走访日期" rules={[{ required: true, message: '请选择走访日期' }]}>
        <DatePicker disabledDate={notAfterToday} aria-label="走访日期" />
      </Form.Item>
      <Form.Item name="kind" label="方式">
        <Radio.Group options={Object.entries(visitKindNames).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="note" label="走访情况" rules={[{ required: true, min: 2, message: '请填写走访情况（至少 2 个字）' }]}>
        <Input.TextArea rows={3} maxLength={1000} aria-label="走访情况" />
      </Form.Item>
    </FormModal>
  );
}

/** 添加计划步骤. */
function StepModal(props: { open: boolean; person: Person; onClose(): void; onDone(): void }) {
  return (
    <FormModal<{ text: string; dueOn: Dayjs }>
      title="添加计划步骤"
      open={props.open}
      onClose={props.onClose}
      okText="添加"
      onSubmit={async (v) => {
        await post(`/persons/${props.person.id}/plan-steps`, { text: v.text, dueOn: ymd(v.dueOn) });
        props.onDone();
      }}
    >
      <Form.Item name="text" label="事项" rules={[{ required: true, min: 2, message: '请填写计划事项' }]}>
        <Input maxLength={200} aria-label="事项" />
      </Form.Item>
      <Form.Item name="dueOn" label="计划日期" rules={[{ required: true, message: '请选择计划日期' }]}>
        <DatePicker aria-label="计划日期" />
      </Form.Item>
    </FormModal>
  );
}

/** 登记步骤完成: the day it was done and how it went. */
function StepDoneModal(props: { step: PlanStep | null; onClose(): void; onDone(): void }) {
  return (
    <FormModal<{ doneOn: Dayjs; doneNote?: string }>
      title={`登记完成：${props.step?.text ?? ''}`}
      open={props.step !== null}
      onClose={props.onClose}
      okText="登记"
      initialValues={{ doneOn: dayjs() }}
      onSubmit={async (v) => {
        await patch(`/assistance/plan-steps/${props.step!.id}`, { doneOn: ymd(v.doneOn), ...(v.doneNote ? { doneNote: v.doneNote } : {}) });
        props.onDone();
      }}
    >
      <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: '请选择完成日期' }]}>
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item name="doneNote" label="完成情况">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
