// Members of a household with age, labour capacity and employment status.
import { Link } from 'react-router-dom';
import { Table, Typography } from 'antd';
import { EmploymentStatusTag } from '../../components/PersonTags.js';
import { ageOn, shanghaiToday } from '../../format.js';
import { labourCapacityNames, relationNames, sexNames } from '../../labels.js';
import type { EmploymentStatus, HouseholdMember } from '../../types.js';

/** The members table; `compact` leaves out ID and labour capacity (the person page's summary). */
export function MembersTable({
  members,
  currentPersonId,
  compact = false,
}: {
  members: HouseholdMember[];
  currentPersonId?: string;
  compact?: boolean;
}) {
  const today = shanghaiToday();
  return (
    <Table<HouseholdMember>
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={members}
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          render: (name: string, m) =>
            m.personId === currentPersonId ? (
              <Typography.Text strong>{name}</Typography.Text>
            ) : (
              <Link to={`/persons/${m.personId}`}>{name}</Link>
            ),
        },
        { title: '关系', dataIndex: 'relation', render: (r: string) => relationNames[r] ?? r },
        ...(compact
          ? []
          : [
              { title: '性别', dataIndex: 'sex', render: (s: string) => sexNames[s] ?? s },
              {
                title: '身份证号',
                dataIndex: 'idNumber',
                render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
              },
              {
                title: '劳动能力',
                dataIndex: 'labourCapacity',
                render: (c: HouseholdMember['labourCapacity']) => labourCapacityNames[c] ?? c,
              },
            ]),
        { title: '年龄', dataIndex: 'birthDate', render: (b: string) => ageOn(b, today) },
        {
          title: '就业状态',
          dataIndex: 'employmentStatus',
          render: (s: EmploymentStatus, m) => <EmploymentStatusTag status={s} since={compact ? undefined : m.statusSince} />,
        },
      ]}
    />
  );
}
