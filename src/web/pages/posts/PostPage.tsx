// 公益性岗位 at /welfare-posts/:id (AID-4): the post's facts with its places taken and free, and the
// persons placed on it. Clerks place a registered-unemployed person (安置上岗, off while the post is
// full or not running) and record a person's exit; each registers the employment or its end.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { placementExitReasonNames, welfarePostTypeNames } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { ExitModal, PlacementModal } from './PostDialogs.js';
import { PlacesText } from './PostsPage.js';
import { placementBlock } from './postRules.js';
import { postsPath, type Placement, type PostDetail } from './postTypes.js';

/** The persons on the post, current first; 退出 on a current placement for clerks. */
function PlacementsTable({ placements, canWrite, onExit }: { placements: Placement[]; canWrite: boolean; onExit(p: Placement): void }) {
  return (
    <Table<Placement>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={placements}
      scroll={{ x: 'max-content' }}
      data-testid="placements"
      locale={{ emptyText: <ListEmpty loading={false} text={canWrite ? '尚无安置人员，可点“安置上岗”安置' : '尚无安置人员'} /> }}
      columns={[
        { title: '姓名', dataIndex: 'personName', render: (n: string, p) => <PersonLink personId={p.personId}>{n}</PersonLink> },
        { title: '身份证号', dataIndex: 'idNumber', render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
        { title: '上岗日期', dataIndex: 'startDate' },
        { title: '计划截止', dataIndex: 'endDate' },
        {
          title: '在岗情况',
          dataIndex: 'exitedOn',
          render: (d: string | null, p) =>
            d ? (
              <Space orientation="vertical" size={0}>
                <span>{d} 退出</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.exitReason ? placementExitReasonNames[p.exitReason] : ''}
                </Typography.Text>
              </Space>
            ) : (
              <Tag color="green">在岗</Tag>
            ),
        },
        {
          title: '非优先安置理由',
          dataIndex: 'priorityOverride',
          render: (r: string | null) => (r ? <div style={{ minWidth: 120, maxWidth: 280, whiteSpace: 'pre-wrap' }}>{r}</div> : '—'),
        },
        ...(canWrite && placements.some((p) => !p.exitedOn)
          ? [
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                render: (_: unknown, p: Placement) =>
                  p.exitedOn ? null : (
                    <Button size="small" type="link" onClick={() => onExit(p)}>
                      退出
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The post page. */
export function PostPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const isClerk = hasRole(user, 'clerk');
  const loaded = useLoad(() => get<PostDetail>(`${postsPath}/${id}`), [id]);
  const [placing, setPlacing] = useState(false);
  const [exiting, setExiting] = useState<Placement | null>(null);
  const p = loaded.data?.id === id ? loaded.data : undefined;
  if (loaded.error && !p) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!p) return <Spin size="large" />;
  const block = placementBlock(p, shanghaiToday());
  const done = () => {
    setPlacing(false);
    setExiting(null);
    loaded.reload();
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{p.name}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              公益性岗位
            </Typography.Text>
          </Space>
        }
        extra={<PageLink to="/welfare-posts">返回清单</PageLink>}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          data-testid="post-facts"
          items={[
            { key: 'sponsor', label: '开发单位', children: p.sponsor },
            { key: 'type', label: '岗位类型', children: welfarePostTypeNames[p.postType] ?? p.postType },
            { key: 'region', label: '所在区域', children: p.regionName ?? p.regionCode },
            { key: 'term', label: '岗位期限', children: `${p.startDate} 至 ${p.endDate}` },
            { key: 'places', label: '名额/在岗/空余', children: <PlacesText places={p.places} occupied={p.occupied} /> },
          ]}
        />
      </Card>
      <Card
        title="安置人员"
        extra={
          isClerk && (
            <Space>
              {block && (
                <Typography.Text type="warning" data-testid="placement-block">
                  {block}
                </Typography.Text>
              )}
              <Tooltip title={block}>
                <Button type="primary" icon={<UserAddOutlined />} disabled={!!block} onClick={() => setPlacing(true)}>
                  安置上岗
                </Button>
              </Tooltip>
            </Space>
          )
        }
      >
        <PlacementsTable placements={p.placements} canWrite={isClerk} onExit={setExiting} />
      </Card>
      {isClerk && (
        <>
          <PlacementModal open={placing} post={p} onClose={() => setPlacing(false)} onDone={done} />
          <ExitModal placement={exiting} onClose={() => setExiting(null)} onDone={done} />
        </>
      )}
    </Space>
  );
}
