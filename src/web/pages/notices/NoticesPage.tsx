// 政策公告 at /notices (JOB-8): the notices in scope, found by title, filtered by state and
// category, exported to Excel; 撰写公告 for job officers and clerks. The review queue
// (/notices/review) is the same list of submitted notices.
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { noticeAuthorRoles, noticeCategoryNames, noticeStatusNames } from '../../../shared/notices.js';
import { hasRole, useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { optionsOf } from '../../labels.js';
import { CategoryTag, NoticeStatusTag, validityText } from './noticeLabels.js';
import type { Notice } from './types.js';

interface Filters {
  q?: string;
  status?: string;
  category?: string;
}

const columns = [
  {
    title: '标题',
    dataIndex: 'title',
    render: (title: string, n: Notice) => (
      <Space orientation="vertical" size={0} style={{ minWidth: 240 }}>
        <Link to={`/notices/${n.id}`}>{title}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.regionName ?? n.regionCode} · {n.unitName ?? '—'}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '类别', dataIndex: 'category', render: (c: string) => <CategoryTag category={c} /> },
  { title: '状态', key: 'status', render: (_: unknown, n: Notice) => <NoticeStatusTag notice={n} /> },
  { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
  { title: '有效期', key: 'validity', render: (_: unknown, n: Notice) => validityText(n) },
  { title: '撰写人', dataIndex: 'createdByName' },
  { title: '审核人', dataIndex: 'reviewedByName', render: (name: string | null) => name ?? '—' },
  { title: '最后修改', dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at) },
];

/** The list of all notices in scope. */
export function NoticesPage() {
  const user = useUser();
  const navigate = useNavigate();
  return (
    <PagedTable<Notice, Filters>
      title="政策公告"
      path="/notices"
      rowKey="id"
      exportName="政策公告"
      toQuery={(v) => ({ q: v.q?.trim(), status: v.status, category: v.category })}
      searchFields={
        <>
          <Form.Item name="q" label="标题">
            <Input allowClear placeholder="标题中的字词" maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={optionsOf(noticeStatusNames)} />
          </Form.Item>
          <Form.Item name="category" label="类别">
            <Select allowClear placeholder="全部" style={{ width: 130 }} options={optionsOf(noticeCategoryNames)} />
          </Form.Item>
        </>
      }
      actions={
        hasRole(user, ...noticeAuthorRoles) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notices/new')}>
            撰写公告
          </Button>
        )
      }
      columns={columns}
    />
  );
}

/** 公告审核: the submitted notices, oldest changes last; a reviewer opens one to decide. */
export function NoticeReviewPage() {
  return (
    <PagedTable<Notice>
      title="公告审核（待审核公告）"
      path="/notices"
      rowKey="id"
      exportName="待审核政策公告"
      extraQuery={{ status: 'submitted' }}
      columns={[
        ...columns.filter((c) => !['publishedOn', 'reviewedByName', 'updatedAt'].includes(String(c.dataIndex))),
        { title: '提交时间', dataIndex: 'submittedAt', render: (at: string | null) => formatDateTime(at) },
        {
          title: '操作',
          key: 'actions',
          render: (_: unknown, n: Notice) => <Link to={`/notices/${n.id}`}>审核</Link>,
        },
      ]}
    />
  );
}
