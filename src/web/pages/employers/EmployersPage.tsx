// 用人单位 (JOB-1): the employers in scope, searched by name or full credit code and filtered by
// industry section; Excel export; 登记用人单位 for job officers.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { industryLabel } from '../../../shared/industries.js';
import type { Query } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { employerSizeNames } from '../../labels.js';
import type { Employer } from '../../types.js';
import { CreateEmployerModal } from './EmployerForms.js';
import { IndustryPicker } from '../../components/IndustryPicker.js';

interface Search {
  q?: string;
  industry?: string;
}

const toQuery = (s: Search): Query => ({ q: s.q?.trim(), industry: s.industry });
const sizeNames: Record<string, string> = employerSizeNames;

/** The employers page. */
export function EmployersPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<Employer, Search>
        title="用人单位"
        path="/employers"
        rowKey="id"
        exportName="用人单位名录"
        toQuery={toQuery}
        actions={
          hasRole(user, 'job_officer') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记用人单位
            </Button>
          )
        }
        searchFields={
          <>
            <Form.Item name="q" label="关键词">
              <Input placeholder="单位名称或完整的统一社会信用代码" allowClear maxLength={60} style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="industry" label="行业" tooltip="选门类时包括其下各大类的单位">
              <IndustryPicker placeholder="全部" style={{ width: 240 }} />
            </Form.Item>
          </>
        }
        columns={[
          { title: '单位名称', dataIndex: 'name', render: (n: string, e) => <Link to={`/employers/${e.id}`}>{n}</Link> },
          {
            title: '统一社会信用代码',
            dataIndex: 'creditCode',
            render: (c: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{c}</Typography.Text>,
          },
          { title: '所在地', dataIndex: 'regionName', render: (n: string | null, e) => n ?? e.regionCode },
          { title: '行业', dataIndex: 'industry', render: (i: string | null) => (i ? industryLabel(i) : '—') },
          { title: '规模', dataIndex: 'size', render: (s: string | null) => (s ? (sizeNames[s] ?? s) : '—') },
          {
            title: '联系人及电话',
            key: 'contact',
            render: (_: unknown, e) => (
              <Space orientation="vertical" size={0}>
                <span>{e.contactName || '—'}</span>
                {e.contactPhone && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.contactPhone}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: '已发布岗位', dataIndex: 'vacancyCount', align: 'right' },
          { title: '登记时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at).slice(0, 10) },
          { title: '操作', key: 'actions', fixed: 'right', render: (_: unknown, e) => <Link to={`/employers/${e.id}`}>查看</Link> },
        ]}
      />
      <CreateEmployerModal open={creating} onClose={() => setCreating(false)} onCreated={(e) => navigate(`/employers/${e.id}`)} />
    </>
  );
}
