// 招聘会 at /fairs (JOB-6): the fairs in scope by date, filtered by kind and date, exported to
// Excel, and 新建招聘会 for job officers.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, DatePicker, Form, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { shanghaiToday } from '../../format.js';
import { jobFairKindNames, optionsOf } from '../../labels.js';
import type { JobFair } from '../../types.js';
import { FairModal } from './FairModal.js';

interface Filters {
  kind?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** 已取消, 即将举办 or 已举办. */
export function FairStatusTag({ fair }: { fair: Pick<JobFair, 'cancelled' | 'date'> }) {
  if (fair.cancelled) return <Tag>已取消</Tag>;
  const today = shanghaiToday();
  if (fair.date > today) return <Tag color="blue">即将举办</Tag>;
  if (fair.date === today) return <Tag color="orange">今天举办</Tag>;
  return <Tag color="green">已举办</Tag>;
}

/** The page. */
export function FairsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<JobFair, Filters>
        title="招聘会"
        path="/fairs"
        rowKey="id"
        exportName="招聘会"
        toQuery={(v) => ({ kind: v.kind, from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD') })}
        searchFields={
          <>
            <Form.Item name="kind" label="类型">
              <Select allowClear placeholder="全部" style={{ width: 170 }} options={optionsOf(jobFairKindNames)} />
            </Form.Item>
            <Form.Item name="dates" label="举办日期">
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
          </>
        }
        actions={
          hasRole(user, 'job_officer') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建招聘会
            </Button>
          )
        }
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, f) => <Link to={`/fairs/${f.id}`}>{n}</Link> },
          { title: '类型', dataIndex: 'kind', render: (k: string) => jobFairKindNames[k as keyof typeof jobFairKindNames] ?? k },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '状态', key: 'status', render: (_: unknown, f) => <FairStatusTag fair={f} /> },
          {
            title: '地点',
            dataIndex: 'venue',
            render: (v: string, f) => (
              <Space orientation="vertical" size={0}>
                <span>{v}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.regionName ?? f.regionCode}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '展位 / 岗位 / 招聘人数',
            key: 'offer',
            align: 'right',
            render: (_: unknown, f) => `${f.boothCount} / ${f.vacancyCount} / ${f.headcount}人`,
          },
          {
            title: '入场 / 意向 / 签约',
            key: 'results',
            align: 'right',
            render: (_: unknown, f) =>
              f.attendance === null && f.intentions === null && f.deals === null ? (
                <Typography.Text type="secondary">{f.date > shanghaiToday() || f.cancelled ? '—' : '未登记'}</Typography.Text>
              ) : (
                [f.attendance, f.intentions, f.deals].map((n) => n ?? '—').join(' / ')
              ),
          },
          { title: '操作', key: 'actions', render: (_: unknown, f) => <Link to={`/fairs/${f.id}`}>查看报告</Link> },
        ]}
      />
      <FairModal open={creating} onClose={() => setCreating(false)} onDone={(f) => navigate(`/fairs/${f.id}`)} />
    </>
  );
}
