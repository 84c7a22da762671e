// 缓发协议 (seed 002 §(八): 已就业在领失业金人员签订缓发协议率达100%): the year's claims stopped by
// re-employment while in benefit against those with a deferral agreement, measured against the
// parameter ui.deferral_agreement_target, and the claimants still missing one (each linked to their
// claim, where the UI officer signs it), with an Excel export; for the user's own region by default,
// or an area below it picked as on the other UI report pages (领金期间再就业率).
import { useState } from 'react';
import { Alert, Card, InputNumber, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { get } from '../../api.js';
import { useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PageLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { shanghaiToday } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { deferralsApi, type DeferralRate, type MissingDeferral } from './deferralTypes.js';
import { claimPath } from './uiTypes.js';

const thisYear = Number(shanghaiToday().slice(0, 4));
const percentSuffix = (v: number | null | undefined) => (typeof v === 'number' ? '%' : undefined);

export function DeferralsPage() {
  const user = useUser();
  const [year, setYear] = useState(thisYear);
  // '' is the user's own region (the API's default); a 12-digit code an area below it.
  const [regionCode, setRegionCode] = useState('');
  const query = { year, regionCode: regionCode || undefined };
  const rate = useLoad(() => get<DeferralRate>(deferralsApi, query), [year, query.regionCode]);
  const r = rate.data?.year === year && (!regionCode || rate.data.regionCode === regionCode) ? rate.data : undefined;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`缓发协议签订率${r ? ` · ${r.name}` : ''}`}
        extra={
          <Space wrap>
            <RegionPicker baseScope={user.scope} value={regionCode} onChange={setRegionCode} maxLevel={4} />
            <span>年度</span>
            <InputNumber
              aria-label="年度"
              min={1999}
              max={thisYear}
              value={year}
              onChange={(v) => v !== null && setYear(v)}
              data-testid="deferral-year"
            />
          </Space>
        }
      >
        {rate.error ? (
          <Alert type="error" showIcon title={errorText(rate.error)} />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="deferral-rate">
            <Space size={48} wrap>
              <Statistic title="领取期间重新就业停发" value={r?.reemployed ?? '—'} suffix="人次" loading={rate.loading} />
              <Statistic title="已签订缓发协议" value={r?.signed ?? '—'} suffix="人次" loading={rate.loading} />
              <Statistic title="未签订" value={r?.missing ?? '—'} suffix="人次" loading={rate.loading} />
              <Statistic title="签订率" value={r?.rate ?? '—'} suffix={percentSuffix(r?.rate)} loading={rate.loading} />
              <Statistic title="目标" value={r?.target ?? '未设定'} suffix={percentSuffix(r?.target)} loading={rate.loading} />
            </Space>
            {r && r.rate !== null && <Progress percent={r.rate} status={r.met ? 'success' : 'exception'} />}
            {r && (
              <Space wrap>
                {r.met === null ? (
                  <Tag>{r.reemployed === 0 ? '当年无重新就业停发的申领' : '未设定目标'}</Tag>
                ) : r.met ? (
                  <Tag color="green" data-testid="deferral-met">
                    达标
                  </Tag>
                ) : (
                  <Tag color="red" data-testid="deferral-met">
                    未达标
                  </Tag>
                )}
                {r.targetSource && <Typography.Text type="secondary">依据：{r.targetSource}</Typography.Text>}
              </Space>
            )}
          </Space>
        )}
      </Card>
      <PagedTable<MissingDeferral>
        title="未签订缓发协议的申领人"
        path={deferralsApi}
        rowKey="claimId"
        extraQuery={{ ...query, missing: true }}
        exportName={`未签订缓发协议${r ? r.name : ''}${year}`}
        emptyText="当年领取期间重新就业停发的申领均已签订缓发协议"
        columns={[
          { title: '姓名', dataIndex: 'personName', render: (n: string, m) => <PageLink to={claimPath(m.claimId)}>{n}</PageLink> },
          { title: '所在区域', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} /> },
          { title: '起始月份', dataIndex: 'startMonth' },
          { title: '领取期限', dataIndex: 'entitlementMonths', render: (m: number) => `${m} 个月` },
          { title: '停发日期', dataIndex: 'stoppedOn' },
          { title: '经办人', dataIndex: 'caseworkerName', render: (n: string | null) => n ?? '未指定' },
        ]}
      />
    </Space>
  );
}
