// 公益性岗位 (AID-4): the posts in scope with their places taken and free, searchable by name or
// sponsor and narrowed to posts with a free place; clerks register posts. A second tab holds the
// month's subsidy list.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Checkbox, Form, Input, Space, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { welfarePostTypeNames } from '../../../shared/labels.js';
import { hasRole, useUser } from '../../auth.js';
import { PageLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { CreatePostModal } from './PostDialogs.js';
import { postsPath, type PostItem } from './postTypes.js';
import { SubsidyListCard } from './SubsidyListCard.js';

interface Search {
  q?: string;
  free?: boolean;
}

/** 名额 / 在岗 / 空余, the free places in green (none: red). */
export function PlacesText({ places, occupied }: { places: number; occupied: number }) {
  const free = Math.max(0, places - occupied);
  return (
    <Space size={4} wrap={false} data-testid="places">
      <span>{places}</span>/<span>{occupied}</span>/
      <Typography.Text type={free > 0 ? 'success' : 'danger'} strong>
        {free}
      </Typography.Text>
    </Space>
  );
}

/** The list of posts. */
function PostsView({ isClerk }: { isClerk: boolean }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<PostItem, Search>
        title="公益性岗位"
        path={postsPath}
        rowKey="id"
        exportName="公益性岗位"
        toQuery={(v) => ({ q: v.q?.trim() || undefined, free: v.free ? true : undefined })}
        searchFields={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder="岗位名称或开发单位" aria-label="岗位名称或开发单位" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="free" valuePropName="checked">
              <Checkbox>只看有空余名额</Checkbox>
            </Form.Item>
          </>
        }
        actions={
          isClerk && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记岗位
            </Button>
          )
        }
        emptyText={isClerk ? '管辖范围内尚无公益性岗位，可点“登记岗位”登记' : '管辖范围内尚无公益性岗位'}
        columns={[
          { title: '岗位名称', dataIndex: 'name', render: (n: string, p) => <PageLink to={`/welfare-posts/${p.id}`}>{n}</PageLink> },
          { title: '开发单位', dataIndex: 'sponsor' },
          { title: '岗位类型', dataIndex: 'postType', render: (t: PostItem['postType']) => welfarePostTypeNames[t] ?? t },
          { title: '所在区域', dataIndex: 'regionName', render: (n: string | null, p) => n ?? p.regionCode },
          {
            title: '名额/在岗/空余',
            key: 'places',
            align: 'center',
            render: (_: unknown, p) => <PlacesText places={p.places} occupied={p.occupied} />,
          },
          { title: '岗位期限', key: 'term', render: (_: unknown, p) => `${p.startDate} 至 ${p.endDate}` },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, p) => <PageLink to={`/welfare-posts/${p.id}`}>{isClerk ? '安置管理' : '查看'}</PageLink>,
          },
        ]}
      />
      {isClerk && <CreatePostModal open={creating} onClose={() => setCreating(false)} onDone={(p) => navigate(`/welfare-posts/${p.id}`)} />}
    </>
  );
}

/** The page at /welfare-posts: 岗位清单 and 补贴名册. */
export function PostsPage() {
  const user = useUser();
  const isClerk = hasRole(user, 'clerk');
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'subsidy' ? 'subsidy' : 'posts';
  return (
    <Tabs
      activeKey={view}
      onChange={(k) => setParams(k === 'subsidy' ? { view: 'subsidy' } : {}, { replace: true })}
      items={[
        { key: 'posts', label: '岗位清单', children: <PostsView isClerk={isClerk} /> },
        { key: 'subsidy', label: '补贴名册', children: <SubsidyListCard /> },
      ]}
    />
  );
}
