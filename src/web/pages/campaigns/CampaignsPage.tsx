// 专项活动 (AID-7): the campaigns of the area (就业援助月, 毕业生就业服务周, 春风行动 ...) with their
// period and state; clerks and job officers create one, and each opens on its dashboard.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { campaignKindNames, campaignTargetGroupNames } from '../../../shared/campaigns.js';
import { hasRole, useUser } from '../../auth.js';
import { PageLink } from '../../components/PageLink.js';
import { PagedTable } from '../../components/PagedTable.js';
import { optionsOf } from '../../labels.js';
import { CampaignModal } from './CampaignModal.js';
import { campaignsPath, campaignStatusColors, campaignStatusNames, type CampaignItem } from './campaignTypes.js';

interface Search {
  q?: string;
  kind?: string;
}

/** Who plans campaigns (the server's rule: clerks and job officers). */
export const canPlanCampaigns = (user: ReturnType<typeof useUser>) => hasRole(user, 'clerk') || hasRole(user, 'job_officer');

/** The page at /campaigns. */
export function CampaignsPage() {
  const user = useUser();
  const navigate = useNavigate();
  const canPlan = canPlanCampaigns(user);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PagedTable<CampaignItem, Search>
        title="专项活动"
        path={campaignsPath}
        rowKey="id"
        exportName="专项活动"
        toQuery={(v) => ({ q: v.q?.trim() || undefined, kind: v.kind || undefined })}
        searchFields={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder="活动名称" aria-label="活动名称" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                allowClear
                placeholder="活动类型"
                aria-label="活动类型"
                style={{ width: 170 }}
                options={optionsOf(campaignKindNames)}
              />
            </Form.Item>
          </>
        }
        actions={
          canPlan && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建活动
            </Button>
          )
        }
        emptyText={canPlan ? '尚无专项活动，可点“新建活动”创建' : '管辖范围内尚无专项活动'}
        columns={[
          { title: '活动名称', dataIndex: 'name', render: (n: string, c) => <PageLink to={`/campaigns/${c.id}`}>{n}</PageLink> },
          { title: '类型', dataIndex: 'kind', render: (k: CampaignItem['kind']) => campaignKindNames[k] ?? k },
          { title: '范围', dataIndex: 'regionName' },
          { title: '活动期间', key: 'period', render: (_: unknown, c) => `${c.startDate} 至 ${c.endDate}` },
          {
            title: '目标群体',
            dataIndex: 'targetGroups',
            render: (groups: string[]) => (groups.length ? groups.map((g) => campaignTargetGroupNames[g] ?? g).join('、') : '全部人员'),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: CampaignItem['status']) => <Tag color={campaignStatusColors[s]}>{campaignStatusNames[s]}</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, c) => <PageLink to={`/campaigns/${c.id}`}>查看成效</PageLink>,
          },
        ]}
      />
      {canPlan && <CampaignModal open={creating} onClose={() => setCreating(false)} onDone={(c) => navigate(`/campaigns/${c.id}`)} />}
    </>
  );
}
