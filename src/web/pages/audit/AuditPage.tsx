// 审计日志 (auditor): the append-only trail with filters, before/after of each change, Excel
// export and a check of the hash chain.
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { get, type Query } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { actionNames, entityNames, formatDateTime } from '../../format.js';
import type { AuditEntry, AuditVerifyResult } from '../../types.js';

interface Search {
  entity?: string;
  actor?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const toQuery = (s: Search): Query => ({
  entity: s.entity,
  actor: s.actor?.trim(),
  action: s.action,
  from: s.range?.[0]?.format('YYYY-MM-DD'),
  to: s.range?.[1]?.format('YYYY-MM-DD'),
});

const toOptions = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{ background: '#f6f8fa', padding: 12, borderRadius: 6, maxHeight: 360, overflow: 'auto', fontSize: 12, margin: '4px 0 0' }}
      >
        {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
      </pre>
    </>
  );
}

function Expanded({ row }: { row: AuditEntry }) {
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        <Space size="large">
          <span>区划：{row.regionCode ?? '—'}</span>
          <span>请求编号：{row.requestId ?? '—'}</span>
          <span>
            哈希：<Typography.Text code>{row.hash.slice(0, 16)}…</Typography.Text>
          </span>
        </Space>
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <JsonBlock title="变更前" value={row.before} />
        </Col>
        <Col span={12}>
          <JsonBlock title="变更后" value={row.after} />
        </Col>
      </Row>
    </div>
  );
}

function VerifyButton({ onResult }: { onResult(r: AuditVerifyResult | string): void }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const result = await get<AuditVerifyResult>('/audit/verify');
          onResult(result);
          if (result.ok) message.success('哈希链完整');
        } catch (err) {
          onResult(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      校验哈希链
    </Button>
  );
}

function VerifyAlert({ result, onClose }: { result: AuditVerifyResult | string; onClose(): void }) {
  const closable = { onClose };
  if (typeof result === 'string')
    return <Alert type="error" showIcon closable={closable} title={`校验失败：${result}`} style={{ marginBottom: 16 }} />;
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        closable={closable}
        title={`哈希链完整：已校验 ${result.checked} 条记录，未发现篡改或缺失。`}
        style={{ marginBottom: 16 }}
        data-testid="verify-result"
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      closable={closable}
      data-testid="verify-result"
      title={`哈希链断裂：已校验 ${result.checked} 条，第一处断裂在序号 ${result.brokenAt ?? '—'}`}
      description={result.problem}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The audit page. */
export function AuditPage() {
  const [verified, setVerified] = useState<AuditVerifyResult | string | null>(null);
  return (
    <>
      {verified !== null && <VerifyAlert result={verified} onClose={() => setVerified(null)} />}
      <PagedTable<AuditEntry, Search>
        title="审计记录"
        path="/audit"
        rowKey={(r) => String(r.seq)}
        exportName="审计日志"
        toQuery={toQuery}
        actions={<VerifyButton onResult={setVerified} />}
        searchFields={
          <>
            <Form.Item name="entity" label="对象">
              <Select placeholder="全部" allowClear options={toOptions(entityNames)} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="action" label="操作">
              <Select placeholder="全部" allowClear options={toOptions(actionNames)} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="actor" label="操作人">
              <Input placeholder="用户名" allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="range" label="日期">
              <DatePicker.RangePicker />
            </Form.Item>
          </>
        }
        expandable={{
          expandedRowRender: (row) => <Expanded row={row} />,
          rowExpandable: (row) => row.before != null || row.after != null || !!row.requestId,
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', render: (t: string) => formatDateTime(t) },
          { title: '操作人', dataIndex: 'actorUsername' },
          { title: '操作', dataIndex: 'action', render: (a: string) => actionNames[a] ?? a },
          { title: '对象', dataIndex: 'entity', render: (e: string) => entityNames[e] ?? e },
          {
            title: '对象编号',
            dataIndex: 'entityId',
            render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id.slice(0, 8)}…</Typography.Text> : '—'),
          },
          { title: '原因', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        ]}
      />
    </>
  );
}
