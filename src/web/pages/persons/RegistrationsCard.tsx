// 登记记录: every registration event in the order entered, corrections linked to what they
// correct, and a button per registration type (clerks only).
import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { enteredColumn } from '../../components/enteredColumn.js';
import { registrationTypeColors, registrationTypeNames } from '../../labels.js';
import type { Person, RegistrationEvent, RegistrationType } from '../../types.js';
import { correctionsByEvent, correctionSummary, eventDetails } from './history.js';
import { RegistrationModal } from './RegistrationModal.js';
import { ListEmpty } from '../../components/PagedTable.js';

/** The buttons, in the order of a person's usual path. */
const actionTypes: RegistrationType[] = [
  'unemployment',
  'job_seeking',
  'employment',
  'employment_end',
  'unemployment_end',
  'job_seeking_end',
  'correction',
];

/** The registrations card; `onChanged` after a new event (status and household may change). */
export function RegistrationsCard({
  person,
  events,
  loading,
  canWrite,
  onChanged,
}: {
  person: Person;
  events: RegistrationEvent[];
  loading: boolean;
  canWrite: boolean;
  onChanged(): void;
}) {
  const [type, setType] = useState<RegistrationType | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const byId = new Map(events.map((e) => [e.id, e]));
  const corrections = correctionsByEvent(events);

  const goTo = (id: string) => {
    setHighlight(id);
    document.querySelector(`[data-row-key="${id}"]`)?.scrollIntoView({ block: 'center' });
  };

  return (
    <Card title="登记记录" id="registrations">
      {canWrite && (
        <Space wrap size={[6, 6]} style={{ marginBottom: 12 }}>
          {actionTypes.map((t) => (
            <Button
              key={t}
              size="small"
              type={t === 'correction' ? 'default' : 'primary'}
              ghost={t !== 'correction'}
              onClick={() => setType(t)}
              disabled={t === 'correction' && events.length === 0}
            >
              {registrationTypeNames[t]}
            </Button>
          ))}
        </Space>
      )}
      <Table<RegistrationEvent>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={events}
        pagination={false}
        locale={{ emptyText: <ListEmpty loading={loading} text="尚无登记记录：用上方按钮办理失业、就业或求职登记" /> }}
        rowClassName={(e) => (e.id === highlight ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: '登记类型',
            dataIndex: 'type',
            width: 150,
            render: (t: RegistrationType, e) => {
              const applied = corrections.get(e.id);
              return (
                <Space size={4} wrap>
                  <Tag color={registrationTypeColors[t]}>{registrationTypeNames[t] ?? t}</Tag>
                  {applied && (
                    <Typography.Link onClick={() => goTo(applied.correction.id)} style={{ fontSize: 12 }}>
                      {applied.action === 'void' ? '已作废' : '已更正日期'}
                    </Typography.Link>
                  )}
                </Space>
              );
            },
          },
          {
            title: '登记日期',
            dataIndex: 'date',
            width: 110,
            render: (d: string, e) => {
              const applied = corrections.get(e.id);
              if (applied?.action === 'void') return <Typography.Text delete>{d}</Typography.Text>;
              if (applied?.action === 'redate')
                return (
                  <span>
                    <Typography.Text delete type="secondary">
                      {d}
                    </Typography.Text>{' '}
                    {applied.date}
                  </span>
                );
              return d;
            },
          },
          {
            title: '内容',
            key: 'details',
            render: (_: unknown, e) => {
              const target = e.correctsEventId ? byId.get(e.correctsEventId) : undefined;
              if (!target) return eventDetails(e, byId) || '—';
              return (
                <Space size={4} wrap>
                  <Typography.Link onClick={() => goTo(target.id)}>{correctionSummary(e, byId)}</Typography.Link>
                  {e.details?.reason && <span>原因：{e.details.reason}</span>}
                </Space>
              );
            },
          },
          enteredColumn<RegistrationEvent>(),
        ]}
      />
      <RegistrationModal person={person} type={type} events={events} onClose={() => setType(null)} onDone={onChanged} />
    </Card>
  );
}
