// 专项活动成效 at /campaigns/:id (AID-7): the campaign's plan and, per indicator, its target against
// the number counted from the records dated in the period (a progress bar where a target is set).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { campaignKindNames, campaignTargetGroupNames } from '../../../shared/campaigns.js';
import { get } from '../../api.js';
import { useUser } from '../../auth.js';
import { ExportButton } from '../../components/ExportButton.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink } from '../../components/PageLink.js';
import { useLoad } from '../../hooks.js';
import { CampaignModal } from './CampaignModal.js';
import { canPlanCampaigns } from './CampaignsPage.js';
import { campaignsPath, campaignStatusColors, campaignStatusNames, type CampaignResults } from './campaignTypes.js';

type Result = CampaignResults['results'][number];

/** One indicator: the count, and against a target the share reached as a bar. */
function IndicatorCard({ r }: { r: Result }) {
  const percent = r.share === null ? null : Math.round(r.share * 1000) / 10;
  return (
    <Card size="small" data-testid={`indicator-${r.indicator}`}>
      <Statistic
        title={r.name}
        value={r.actual}
        suffix={r.target !== null ? <Typography.Text type="secondary">/ 目标 {r.target}</Typography.Text> : undefined}
      />
      {percent !== null ? (
        <Progress percent={Math.min(100, percent)} format={() => `${percent}%`} status={percent >= 100 ? 'success' : 'active'} />
      ) : (
        <Typography.Text type="secondary">{r.target === 0 ? '目标为 0' : '未设目标'}</Typography.Text>
      )}
    </Card>
  );
}

/** The campaign dashboard. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const loaded = useLoad(() => get<CampaignResults>(`${campaignsPath}/${id}/results`), [id]);
  const [editing, setEditing] = useState(false);
  const data = loaded.data?.campaign.id === id ? loaded.data : undefined;
  if (loaded.error && !data) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (!data) return <Spin size="large" />;
  const c = data.campaign;
  const targeted = data.results.filter((r) => r.target !== null);
  const rest = data.results.filter((r) => r.target === null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{c.name}</span>
            <Tag color={campaignStatusColors[c.status]}>{campaignStatusNames[c.status]}</Tag>
          </Space>
        }
        extra={
          <Space>
            {canPlanCampaigns(user) && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改计划
              </Button>
            )}
            <ExportButton path={`${campaignsPath}/${id}/results`} query={{}} fileName={`${c.name}-成效`} />
            <PageLink to="/campaigns">返回清单</PageLink>
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          data-testid="campaign-facts"
          items={[
            { key: 'kind', label: '活动类型', children: campaignKindNames[c.kind] ?? c.kind },
            { key: 'region', label: '活动范围', children: c.regionName },
            { key: 'period', label: '活动期间', children: `${c.startDate} 至 ${c.endDate}` },
            {
              key: 'groups',
              label: '目标群体',
              children: c.targetGroups.length ? c.targetGroups.map((g) => campaignTargetGroupNames[g] ?? g).join('、') : '全部人员',
            },
            { key: 'counted', label: '统计日', children: `${data.countedOn}（按记录的业务日期统计，补录的记录计入其所属日期）` },
            ...(c.note ? [{ key: 'note', label: '说明', children: c.note }] : []),
          ]}
        />
      </Card>
      <Card title="目标完成情况">
        {targeted.length === 0 && <Typography.Text type="secondary">未设目标数；下面为活动期内的实际数。</Typography.Text>}
        <Row gutter={[16, 16]}>
          {targeted.map((r) => (
            <Col key={r.indicator} xs={24} md={12} xl={8}>
              <IndicatorCard r={r} />
            </Col>
          ))}
        </Row>
      </Card>
      {rest.length > 0 && (
        <Card title="其他指标（未设目标）">
          <Row gutter={[16, 16]}>
            {rest.map((r) => (
              <Col key={r.indicator} xs={12} md={8} xl={6}>
                <Statistic title={r.name} value={r.actual} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
      {editing && (
        <CampaignModal
          open
          campaign={c}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            loaded.reload();
          }}
        />
      )}
    </Space>
  );
}
