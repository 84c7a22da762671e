// 经办人与就业指导 on the claim page (UI-4: claimants get guidance and referrals): the claimant's
// caseworker (指定/更换 by the UI officer, the history kept) and the person's best job matches
// (the matching API the person page's 推荐岗位 uses); referrals are made on the person page.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Space, Table, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { get, put } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { PageLink, PersonLink } from '../../components/PageLink.js';
import { StaffPicker } from '../../components/StaffPicker.js';
import { useLoad } from '../../hooks.js';
import type { VacancyMatch } from '../../types.js';
import { MatchScore, wageRangeText } from '../matching/MatchReasons.js';
import { caseworkerApi, type ClaimCaseworkers } from './deferralTypes.js';
import type { Claim } from './uiTypes.js';

/** How many matches the card shows. */
const topMatches = 5;

export function ClaimCaseworkerCard({ claim, onChanged }: { claim: Claim; onChanged(): void }) {
  const user = useUser();
  const [open, setOpen] = useState(false);
  const history = useLoad(() => get<ClaimCaseworkers>(`/ui/claims/${claim.id}/caseworkers`), [claim.id, claim.caseworkerId]);
  const matches = useLoad(() => get<VacancyMatch[]>(`/persons/${claim.personId}/matches`, { limit: topMatches }), [claim.personId]);
  const canAssign = hasRole(user, 'ui_officer') && (claim.status === 'pending' || claim.status === 'active');
  const earlier = (history.data?.items ?? []).filter((x) => x.endedOn !== null);
  return (
    <Card
      title="经办人与就业指导"
      size="small"
      data-testid="claim-caseworker"
      extra={
        canAssign ? (
          <Button icon={<UserSwitchOutlined />} onClick={() => setOpen(true)}>
            {claim.caseworkerId ? '更换经办人' : '指定经办人'}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'current',
              label: '经办人',
              children: (
                <span data-testid="caseworker-name">
                  {claim.caseworkerName
                    ? `${claim.caseworkerName}（${history.data?.items.find((x) => x.endedOn === null)?.assignedOn ?? ''} 起）`
                    : '未指定'}
                </span>
              ),
            },
            ...(earlier.length > 0
              ? [
                  {
                    key: 'earlier',
                    label: '曾任',
                    children: earlier.map((x) => `${x.staffName}（${x.assignedOn} 至 ${x.endedOn}）`).join('；'),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Text strong>推荐岗位（前 {topMatches} 个）</Typography.Text>
        {matches.error ? (
          <Alert type="error" showIcon title={errorText(matches.error)} />
        ) : (
          <Table<VacancyMatch>
            rowKey="vacancyId"
            size="small"
            pagination={false}
            loading={matches.loading}
            dataSource={matches.data ?? []}
            data-testid="claim-matches"
            locale={{ emptyText: '暂无与其职业、技能或求职意向相符的已发布岗位' }}
            columns={[
              { title: '匹配度', dataIndex: 'score', width: 70, render: (s: number, m) => <MatchScore score={s} reasons={m.reasons} /> },
              {
                title: '岗位',
                key: 'vacancy',
                render: (_: unknown, m) => (
                  <Space size={8} wrap>
                    <PageLink to={`/vacancies/${m.vacancyId}`}>{m.vacancy.title}</PageLink>
                    <Typography.Text type="secondary">{m.vacancy.employerName}</Typography.Text>
                    <Typography.Text style={{ fontSize: 12 }}>{wageRangeText(m.vacancy.wageMin, m.vacancy.wageMax)}</Typography.Text>
                  </Space>
                ),
              },
            ]}
          />
        )}
        <Typography.Text type="secondary">
          推荐介绍由就业服务经办人员在 <PersonLink personId={claim.personId}>{claim.personName ?? '申领人'}</PersonLink>{' '}
          的人员页面“推荐岗位”中办理。
        </Typography.Text>
      </Space>
      <AssignModal open={open} claim={claim} onClose={() => setOpen(false)} onDone={() => (setOpen(false), onChanged())} />
    </Card>
  );
}

/** 指定经办人: the active staff of the user's scope whose unit's area holds the claimant, the user first as 本人. */
function AssignModal(props: { open: boolean; claim: Claim; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ staffId: string }>
      title={props.claim.caseworkerId ? '更换经办人' : '指定经办人'}
      open={props.open}
      onClose={props.onClose}
      okText="确定"
      onSubmit={async (v) => {
        const updated = await put<Claim>(caseworkerApi(props.claim.id), { staffId: v.staffId });
        message.success(`经办人：${updated.caseworkerName ?? ''}`);
        props.onDone();
      }}
    >
      <Form.Item
        name="staffId"
        label="经办人"
        rules={[{ required: true, message: '请选择经办人' }]}
        extra="可指定在职且所在单位管辖申领人所在地的工作人员。"
      >
        <StaffPicker
          active={props.open}
          regionCode={props.claim.regionCode}
          exclude={props.claim.caseworkerId}
          aria-label="经办人"
          placeholder="请选择工作人员"
        />
      </Form.Item>
    </FormModal>
  );
}
