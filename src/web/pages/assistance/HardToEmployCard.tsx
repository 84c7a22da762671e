// 就业困难人员认定 (AID-1) on the person page: the categories the rules propose today with their
// reasons, the active recognitions, and the history of ended ones. Reviewers recognise (with the
// evidence seen, a validity, and a written reason where the rule is not met) and revoke.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import { useLoad } from '../../hooks.js';
import {
  hardToEmployCategories,
  hardToEmployCategoryNames,
  recognitionRoles,
  type HardToEmployCategory,
} from '../../../shared/assistance.js';
import type { CategoryAssessment, Person, PersonCategories, Recognition } from '../../types.js';

export const categoryName = (code: string) => hardToEmployCategoryNames[code as HardToEmployCategory] ?? code;

export const recognitionStatusNames: Record<string, string> = { active: '有效', expired: '已过有效期', revoked: '已撤销' };
export const recognitionStatusColors: Record<string, string> = { active: 'green', expired: 'default', revoked: 'red' };

/** The reasons of a rule: what was found, with the clause it rests on. */
function Reasons({ reasons }: { reasons: CategoryAssessment['reasons'] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((r) => (
        <li key={r.rule}>
          <Typography.Text>{r.detail}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{r.source}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface RecogniseValues {
  category: HardToEmployCategory;
  evidence: string;
  recognisedOn: Dayjs;
  validUntil?: Dayjs | null;
  overrideReason?: string;
}

/** The 认定 dialog: the chosen category's rule as of today, and the override reason where it is not met. */
function RecogniseModal({
  person,
  assessed,
  category,
  onClose,
  onDone,
}: {
  person: Person;
  assessed: CategoryAssessment[];
  category: HardToEmployCategory | 'choose' | null;
  onClose(): void;
  onDone(): void;
}) {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<HardToEmployCategory | undefined>();
  const current = chosen ?? (category && category !== 'choose' ? category : undefined);
  const rule = assessed.find((a) => a.category === current);
  return (
    <FormModal<RecogniseValues>
      title={`就业困难人员认定：${person.name}`}
      open={category !== null}
      onClose={() => {
        setChosen(undefined);
        onClose();
      }}
      okText="认定"
      width={640}
      initialValues={{ category: category && category !== 'choose' ? category : undefined, recognisedOn: dayjs() }}
      onSubmit={async (v) => {
        await post(`/persons/${person.id}/categories`, {
          category: v.category,
          evidence: v.evidence.trim(),
          recognisedOn: v.recognisedOn.format('YYYY-MM-DD'),
          validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
          overrideReason: v.overrideReason?.trim() || undefined,
        });
        message.success(`已认定为${categoryName(v.category)}`);
        setChosen(undefined);
        onDone();
      }}
    >
      <Form.Item name="category" label="认定类别" rules={[{ required: true, message: '请选择认定类别' }]}>
        <Select
          placeholder="请选择"
          onChange={(c: HardToEmployCategory) => setChosen(c)}
          options={hardToEmployCategories.map((c) => ({ value: c, label: hardToEmployCategoryNames[c] }))}
        />
      </Form.Item>
      {rule ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={rule.met ? 'success' : 'warning'}
          showIcon
          data-testid="recognise-rule"
          title={
            rule.met
              ? `今天符合${rule.name}的认定条件`
              : rule.basis === 'evidence'
                ? `人员信息未记载${rule.name}的认定事实：核验证明材料后，请在下方说明认定理由`
                : `今天不符合${rule.name}的认定条件：如经核实确需认定，请填写破格认定理由`
          }
          description={<Reasons reasons={rule.reasons} />}
        />
      ) : null}
      <Form.Item
        name="evidence"
        label="核验的证明材料"
        rules={[
          { required: true, whitespace: true, message: '请填写核验的证明材料' },
          { min: 2, max: 500, message: '应为 2 至 500 个字' },
        ]}
      >
        <Input placeholder="如：身份证、就业失业登记证、残疾人证、低保证" />
      </Form.Item>
      <Space size={16} wrap align="start">
        <Form.Item
          name="recognisedOn"
          label="认定日期"
          rules={[{ required: true, message: '请选择认定日期' }]}
          extra="补录时选原认定日期，规则按该日适用"
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至（可不填）">
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      {rule && !rule.met ? (
        <Form.Item
          name="overrideReason"
          label={rule.basis === 'evidence' ? '认定理由' : '破格认定理由'}
          extra="记入审计日志"
          rules={[
            { required: true, whitespace: true, message: '不符合规则时须填写认定理由' },
            { min: 2, max: 500, message: '应为 2 至 500 个字' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="如：经社区、街道会审确认就业困难" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

/** The 撤销 dialog. */
function RevokeModal({ recognition, onClose, onDone }: { recognition: Recognition | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      title={recognition ? `撤销认定：${categoryName(recognition.category)}` : ''}
      open={recognition !== null}
      onClose={onClose}
      okText="撤销"
      onSubmit={async (v) => {
        if (!recognition) return;
        await post(`/assistance/recognitions/${recognition.id}/revoke`, { reason: v.reason.trim() });
        message.success('已撤销认定，记录保留在认定历史中');
        onDone();
      }}
    >
      <Form.Item
        name="reason"
        label="撤销原因"
        rules={[
          { required: true, whitespace: true, message: '请填写撤销原因' },
          { min: 2, max: 200, message: '应为 2 至 200 个字' },
        ]}
      >
        <Input placeholder="如：复核发现已实现灵活就业" />
      </Form.Item>
    </FormModal>
  );
}

/** The card; reloads with `version` (a registration may end a recognition), `onChanged` after a recognition or revocation. */
export function HardToEmployCard({ person, version, onChanged }: { person: Person; version: number; onChanged(): void }) {
  const user = useUser();
  const canDecide = hasRole(user, ...recognitionRoles);
  const [own, setOwn] = useState(0);
  const data = useLoad(() => get<PersonCategories>(`/persons/${person.id}/categories`), [person.id, version, own]);
  const [recognising, setRecognising] = useState<HardToEmployCategory | 'choose' | null>(null);
  const [revoking, setRevoking] = useState<Recognition | null>(null);
  const done = () => {
    setRecognising(null);
    setRevoking(null);
    setOwn((n) => n + 1);
    onChanged();
  };
  const c = data.data;
  const history = [...(c?.recognised ?? []), ...(c?.history ?? [])];
  return (
    <Card
      title="就业困难人员认定"
      id="hard-to-employ"
      data-testid="hard-to-employ-card"
      loading={data.loading && !c}
      extra={
        canDecide && (
          <Button size="small" onClick={() => setRecognising('choose')} disabled={!c}>
            其他类别认定
          </Button>
        )
      }
    >
      {data.error ? (
        <Typography.Text type="danger">{errorText(data.error)}</Typography.Text>
      ) : c ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              有效认定
            </Typography.Title>
            {c.recognised.length === 0 ? (
              <Typography.Text type="secondary" data-testid="recognised-none">
                暂无有效的就业困难人员认定
              </Typography.Text>
            ) : (
              <Space size={[6, 6]} wrap data-testid="recognised-tags">
                {c.recognised.map((r) => (
                  <Tag key={r.id} color="blue">
                    {categoryName(r.category)}（{r.recognisedOn} 起{r.validUntil ? `，至 ${r.validUntil}` : ''}）
                  </Tag>
                ))}
              </Space>
            )}
          </div>
          <div data-testid="proposed">
            <Typography.Title level={5}>建议认定</Typography.Title>
            {c.proposed.length === 0 ? (
              <Typography.Text type="secondary">按登记信息，今天没有符合条件而尚未认定的类别</Typography.Text>
            ) : (
              <List
                size="small"
                bordered
                dataSource={c.proposed}
                renderItem={(p) => (
                  <List.Item
                    data-testid={`proposed-${p.category}`}
                    actions={
                      canDecide
                        ? [
                            <Button
                              key="recognise"
                              type="primary"
                              size="small"
                              onClick={() => setRecognising(p.category as HardToEmployCategory)}
                            >
                              认定
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={<Tag color="orange">{categoryName(p.category)}</Tag>}
                      description={<Reasons reasons={p.reasons} />}
                    />
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>认定记录</Typography.Title>
            <Table<Recognition>
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="recognition-history"
              dataSource={history}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无认定记录" /> }}
              columns={[
                { title: '类别', dataIndex: 'category', width: 116, render: (v: string) => categoryName(v) },
                { title: '认定日期', dataIndex: 'recognisedOn', width: 104 },
                { title: '有效期至', dataIndex: 'validUntil', width: 104, render: (v: string | null) => v ?? '长期' },
                {
                  title: '证明材料',
                  dataIndex: 'evidence',
                  render: (v: string, r) => (
                    <Space orientation="vertical" size={0}>
                      <span>{v}</span>
                      {r.overrideReason ? (
                        <Typography.Text type="warning" style={{ fontSize: 12 }}>
                          破格认定：{r.overrideReason}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                { title: '认定人', dataIndex: 'recognisedByName', width: 76 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (s: string, r) => (
                    <Space orientation="vertical" size={0}>
                      <Tag color={recognitionStatusColors[s]}>{recognitionStatusNames[s] ?? s}</Tag>
                      {r.revokedOn ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'inline-block', maxWidth: 180 }}>
                          {r.revokedOn}：{r.revokedReason}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                ...(canDecide
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        width: 76,
                        render: (_: unknown, r: Recognition) =>
                          r.status === 'active' ? (
                            <Button size="small" danger onClick={() => setRevoking(r)}>
                              撤销
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        </Space>
      ) : null}
      {c ? (
        <RecogniseModal
          key={recognising ?? 'closed'}
          person={person}
          assessed={c.assessed}
          category={recognising}
          onClose={() => setRecognising(null)}
          onDone={done}
        />
      ) : null}
      <RevokeModal recognition={revoking} onClose={() => setRevoking(null)} onDone={done} />
    </Card>
  );
}
