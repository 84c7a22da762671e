// 建立家庭 (REG-5): starts from one person as 户主; more members are found by searching persons
// in scope, each with a relation. The server then judges 零就业家庭 by itself.
import { App, Button, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { EmploymentStatusTag } from '../../components/PersonTags.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { householdTypeNames, optionsOf, relationNames } from '../../labels.js';
import type { EmploymentStatus, Household, HouseholdType, Person } from '../../types.js';
import { MemberSearch } from './MemberSearch.js';

interface MemberRow {
  personId: string;
  name: string;
  idNumber: string;
  employmentStatus: EmploymentStatus;
  relation: string;
}

interface Values {
  regionCode: string;
  address?: string;
  householdType: HouseholdType;
  members: MemberRow[];
}

const memberOf = (p: Person, relation: string): MemberRow => ({
  personId: p.id,
  name: p.name,
  idNumber: p.idNumber,
  employmentStatus: p.employmentStatus,
  relation,
});

/** The dialog, opened from a person's page with that person as head. */
export function CreateHouseholdModal({
  head,
  open,
  onClose,
  onCreated,
}: {
  head: Person;
  open: boolean;
  onClose(): void;
  onCreated(household: Household): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      title="建立家庭档案"
      open={open}
      onClose={onClose}
      okText="建立"
      width={820}
      rename={{ memberIds: 'members' }}
      initialValues={{
        regionCode: head.regionCode,
        address: head.address ?? undefined,
        householdType: head.householdType,
        members: [memberOf(head, 'head')],
      }}
      onSubmit={async (v, { form, idempotencyKey }) => {
        // validateFields returns only registered fields (the relation); the rows hold the rest.
        const members = form.getFieldValue('members') as MemberRow[];
        const household = await post<Household>(
          '/households',
          {
            regionCode: v.regionCode,
            address: v.address?.trim() || undefined,
            householdType: v.householdType,
            memberIds: members.map((m) => m.personId),
            relations: Object.fromEntries(members.map((m) => [m.personId, m.relation])),
          },
          { idempotencyKey },
        );
        message.success(household.zeroEmployment ? '家庭档案已建立，经核查为零就业家庭' : '家庭档案已建立');
        onCreated(household);
      }}
    >
      <Form.Item name="regionCode" label="所在社区（村）" rules={[{ required: true, message: '请选择所在社区' }]}>
        <RegionPicker baseScope={user.scope} maxLevel={5} required />
      </Form.Item>
      <Space size={24} wrap>
        <Form.Item
          name="householdType"
          label="户籍性质"
          rules={[{ required: true, message: '请选择户籍性质' }]}
          extra="零就业家庭仅认定城镇家庭"
        >
          <Radio.Group name="householdType" options={optionsOf(householdTypeNames)} />
        </Form.Item>
        <Form.Item name="address" label="家庭住址" rules={[{ max: 200, message: '最多 200 个字' }]} style={{ width: 440 }}>
          <Input />
        </Form.Item>
      </Space>
      <Form.List
        name="members"
        rules={[
          {
            validator: (_, members: MemberRow[]) => (members?.length ? Promise.resolve() : Promise.reject(new Error('请至少添加一名成员'))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => {
          const rows = fields.map((f) => ({ field: f }));
          return (
            <Form.Item label="家庭成员" required>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const members = (getFieldValue('members') ?? []) as MemberRow[];
                    return <MemberSearch excluded={members.map((m) => m.personId)} onPick={(p) => add(memberOf(p, 'member'))} />;
                  }}
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <Table
                      size="small"
                      pagination={false}
                      rowKey={(r) => String(r.field.key)}
                      dataSource={rows}
                      columns={[
                        {
                          title: '姓名',
                          key: 'name',
                          render: (_: unknown, r) => getFieldValue(['members', r.field.name, 'name']) as string,
                        },
                        {
                          title: '身份证号',
                          key: 'id',
                          render: (_: unknown, r) => (
                            <Typography.Text style={{ fontFamily: 'monospace' }}>
                              {getFieldValue(['members', r.field.name, 'idNumber']) as string}
                            </Typography.Text>
                          ),
                        },
                        {
                          title: '就业状态',
                          key: 'status',
                          render: (_: unknown, r) => (
                            <EmploymentStatusTag
                              status={getFieldValue(['members', r.field.name, 'employmentStatus']) as EmploymentStatus}
                            />
                          ),
                        },
                        {
                          title: '与户主关系',
                          key: 'relation',
                          render: (_: unknown, r) => (
                            <Form.Item name={[r.field.name, 'relation']} noStyle rules={[{ required: true }]}>
                              <Select
                                options={optionsOf(relationNames)}
                                style={{ width: 130 }}
                                aria-label={`${getFieldValue(['members', r.field.name, 'name']) as string}与户主关系`}
                              />
                            </Form.Item>
                          ),
                        },
                        {
                          title: '',
                          key: 'remove',
                          width: 60,
                          render: (_: unknown, r) => (
                            <Button
                              size="small"
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label="移除"
                              onClick={() => remove(r.field.name)}
                            />
                          ),
                        },
                      ]}
                    />
                  )}
                </Form.Item>
                <Form.ErrorList errors={errors} />
              </Space>
            </Form.Item>
          );
        }}
      </Form.List>
    </FormModal>
  );
}
