// 补贴 on the person page (AID-8): the person's subsidy applications with their status, for the
// roles that work with subsidies.
import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { subsidyTypeNames, type SubsidyStatus, type SubsidyType } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { useLoad } from '../../hooks.js';
import type { Paged } from '../../types.js';
import { subsidiesPath, subsidyPagePath, SubsidyStatusTag, yuanText, type SubsidyItem } from './subsidyTypes.js';

export function PersonSubsidiesCard({ personId, version }: { personId: string; version: number }) {
  const list = useLoad(() => get<Paged<SubsidyItem>>(subsidiesPath, { personId, pageSize: 100 }), [personId, version]);
  const rows = list.data?.items ?? [];
  return (
    <Card title="补贴" size="small" data-testid="person-subsidies" extra={<Link to={subsidyPagePath}>补贴管理</Link>}>
      <Table<SubsidyItem>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: <ListEmpty loading={list.loading && !list.data} failed={!!list.error} text="没有补贴申请" />,
        }}
        columns={[
          {
            title: '补贴',
            dataIndex: 'type',
            render: (t: SubsidyType, s) => (
              <Space orientation="vertical" size={0}>
                <Link to={`${subsidyPagePath}/${s.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {subsidyTypeNames[t]}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  所属期 {s.period}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: <span style={{ whiteSpace: 'nowrap' }}>金额（元）</span>,
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="num">{yuanText(f)}</span>,
          },
          { title: '状态', dataIndex: 'status', render: (st: SubsidyStatus) => <SubsidyStatusTag status={st} /> },
        ]}
      />
    </Card>
  );
}
