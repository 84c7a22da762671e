// 备案记录 (JOB-1): an employer's hiring filings (录用备案) and labour-contract filings (劳动合同备案),
// newest first, and 新增备案 for job officers.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.js';
import { enteredColumn } from '../../components/enteredColumn.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { employerFilingKindNames, optionsOf } from '../../labels.js';
import type { Employer, EmployerFiling } from '../../types.js';
import { ListEmpty } from '../../components/PagedTable.js';

const kindNames: Record<string, string> = employerFilingKindNames;

interface Values {
  kind: 'hiring' | 'contract';
  personName: string;
  date: Dayjs;
  contractEnd?: Dayjs | null;
  notes?: string;
}

/** The 新增备案 dialog. */
function FilingModal({ employer, open, onClose, onDone }: { employer: Employer; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const today = dayjs(shanghaiToday());
  return (
    <FormModal<Values>
      title={`新增备案：${employer.name}`}
      open={open}
      onClose={onClose}
      initialValues={{ kind: 'hiring', date: today }}
      onSubmit={async (v, { idempotencyKey }) => {
        await post(
          `/employers/${employer.id}/filings`,
          {
            kind: v.kind,
            personName: v.personName.trim(),
            date: v.date.format('YYYY-MM-DD'),
            contractEnd: v.kind === 'contract' && v.contractEnd ? v.contractEnd.format('YYYY-MM-DD') : undefined,
            notes: v.notes?.trim() || undefined,
          },
          { idempotencyKey },
        );
        message.success(`已${kindNames[v.kind]}：${v.personName.trim()}`);
        onDone();
      }}
    >
      <Form.Item name="kind" label="备案类型" rules={[{ required: true, message: '请选择备案类型' }]}>
        <Segmented options={optionsOf(kindNames)} />
      </Form.Item>
      <Form.Item
        name="personName"
        label="人员姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入人员姓名' },
          { max: 40, message: '最多 40 个字' },
        ]}
      >
        <Input autoComplete="off" autoFocus />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="date"
            label={getFieldValue('kind') === 'contract' ? '合同起始日期' : '录用日期'}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(today, 'day')} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'contract' && (
            <Form.Item name="contractEnd" label="合同终止日期" extra="无固定期限合同不填">
              <DatePicker style={{ width: 200 }} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="notes" label="备注" rules={[{ max: 500, message: '最多 500 个字' }]}>
        <Input.TextArea rows={2} placeholder="如：岗位、合同期限类型" />
      </Form.Item>
    </FormModal>
  );
}

/** The filings card of the employer page. */
export function FilingsCard({ employer, canWrite }: { employer: Employer; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const filings = useLoad(() => get<EmployerFiling[]>(`/employers/${employer.id}/filings`), [employer.id]);
  return (
    <Card
      title="录用及劳动合同备案"
      id="filings"
      extra={
        canWrite && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            新增备案
          </Button>
        )
      }
    >
      <Table<EmployerFiling>
        rowKey="id"
        size="small"
        loading={filings.loading}
        dataSource={filings.data ?? []}
        pagination={(filings.data?.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{
          emptyText: filings.error ? (
            errorText(filings.error)
          ) : (
            <ListEmpty loading={filings.loading} text="尚无录用备案：单位招用人员后点“录用备案”登记" />
          ),
        }}
        columns={[
          {
            title: '备案类型',
            dataIndex: 'kind',
            width: 150,
            render: (k: string) => <Tag color={k === 'contract' ? 'blue' : 'green'}>{kindNames[k] ?? k}</Tag>,
          },
          { title: '人员', dataIndex: 'personName', width: 100 },
          { title: '日期', dataIndex: 'date', width: 110 },
          {
            title: '合同终止',
            dataIndex: 'contractEnd',
            width: 110,
            render: (d: string | null, f) => d ?? (f.kind === 'contract' ? '无固定期限' : '—'),
          },
          { title: '备注', dataIndex: 'notes', render: (n: string | null) => n ?? '—' },
          enteredColumn<EmployerFiling>(),
        ]}
      />
      <FilingModal employer={employer} open={open} onClose={() => setOpen(false)} onDone={filings.reload} />
    </Card>
  );
}
