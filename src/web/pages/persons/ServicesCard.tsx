// 服务记录 (REG-8): the services given to a person, newest first, and 记录服务 for clerks.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { optionsOf, serviceChannelNames, serviceTypeNames } from '../../labels.js';
import type { Person, ServiceRecord } from '../../types.js';
import type { ServiceType } from '../../../shared/labels.js';
import { ListEmpty } from '../../components/PagedTable.js';

interface Values {
  type: string;
  channel: string;
  date: Dayjs;
  notes?: string;
}

/** The 记录服务 dialog; `type` preselects the service type (the graduate checklist's quick actions). */
export function RecordServiceModal({
  person,
  open,
  type,
  onClose,
  onDone,
}: {
  person: Person;
  open: boolean;
  type?: ServiceType | undefined;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      title={`记录服务：${person.name}`}
      open={open}
      onClose={onClose}
      okText="保存"
      initialValues={{ type, channel: 'counter', date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        await post(
          `/persons/${person.id}/services`,
          { type: v.type, channel: v.channel, date: v.date.format('YYYY-MM-DD'), notes: v.notes?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(`已记录服务：${serviceTypeNames[v.type] ?? v.type}`);
        onDone();
      }}
    >
      <Form.Item name="type" label="服务类型" rules={[{ required: true, message: '请选择服务类型' }]}>
        <Select placeholder="请选择" options={optionsOf(serviceTypeNames)} />
      </Form.Item>
      <Form.Item name="channel" label="服务方式" rules={[{ required: true, message: '请选择服务方式' }]}>
        <Select options={optionsOf(serviceChannelNames)} />
      </Form.Item>
      <Form.Item name="date" label="服务日期" rules={[{ required: true, message: '请选择服务日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="notes" label="服务内容" rules={[{ max: 500, message: '最多 500 个字' }]}>
        <Input.TextArea rows={3} placeholder="如：介绍本市灵活就业社保补贴政策" />
      </Form.Item>
    </FormModal>
  );
}

/** The services card. */
export function ServicesCard({
  person,
  services,
  loading,
  error,
  canWrite,
  onChanged,
}: {
  person: Person;
  services: ServiceRecord[];
  loading: boolean;
  error?: string | undefined;
  canWrite: boolean;
  onChanged(): void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Card
      title="服务记录"
      extra={
        canWrite && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            记录服务
          </Button>
        )
      }
    >
      <Table<ServiceRecord>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={services}
        pagination={services.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: error ?? <ListEmpty loading={loading} text="尚无服务记录" /> }}
        columns={[
          { title: '服务日期', dataIndex: 'date', width: 110 },
          { title: '服务类型', dataIndex: 'type', width: 120, render: (t: string) => <Tag>{serviceTypeNames[t] ?? t}</Tag> },
          { title: '方式', dataIndex: 'channel', width: 70, render: (c: string) => serviceChannelNames[c] ?? c },
          { title: '服务内容', dataIndex: 'notes', render: (n: string | null) => n ?? '—' },
          { title: '经办人', dataIndex: 'staffName', width: 200, render: (n: string, s) => (s.unitName ? `${n}（${s.unitName}）` : n) },
        ]}
      />
      <RecordServiceModal person={person} open={open} onClose={() => setOpen(false)} onDone={onChanged} />
    </Card>
  );
}
