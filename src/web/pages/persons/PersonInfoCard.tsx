// 基本信息: the ledger fields of a person, and 编辑 (PATCH) for clerks.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { patch } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { occupationName } from '../../../shared/occupations.js';
import { formatFen } from '../../format.js';
import { labourCapacityNames } from '../../labels.js';
import type { Person } from '../../types.js';
import { fromPerson, PersonFields, toPersonBody, type PersonFormValues } from './personFields.js';

const none = '—';
const tags = (values: string[] | undefined) =>
  values?.length ? (
    <Space size={[0, 4]} wrap>
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </Space>
  ) : (
    none
  );

/** The 编辑台账信息 dialog. */
function EditPersonModal({ person, open, onClose, onSaved }: { person: Person; open: boolean; onClose(): void; onSaved(): void }) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<PersonFormValues>
      title={`编辑台账信息：${person.name}`}
      open={open}
      onClose={onClose}
      width={640}
      initialValues={fromPerson(person)}
      onSubmit={async (v) => {
        await patch<Person>(`/persons/${person.id}`, toPersonBody(v, person.jobWishes));
        message.success('台账信息已保存');
        onSaved();
      }}
    >
      <PersonFields baseScope={user.scope} phoneLabel="新手机号" phoneExtra={`当前：${person.phone ?? '未登记'}；不修改请留空`} />
    </FormModal>
  );
}

/** The basic-information card. */
export function PersonInfoCard({ person, canWrite, onSaved }: { person: Person; canWrite: boolean; onSaved(): void }) {
  const [editing, setEditing] = useState(false);
  const wishes = person.jobWishes ?? {};
  return (
    <Card
      title="基本信息"
      extra={
        canWrite && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'education', label: '文化程度', children: person.education ?? none },
          { key: 'capacity', label: '劳动能力', children: labourCapacityNames[person.labourCapacity] ?? person.labourCapacity },
          { key: 'ethnicity', label: '民族', children: person.ethnicity ?? none },
          { key: 'disability', label: '残疾情况', children: person.disability ?? none },
          { key: 'categories', label: '人员类别', children: tags(person.categories) },
          { key: 'skills', label: '技能特长', children: tags(person.skills) },
          { key: 'occupations', label: '意向职业', children: tags(wishes.occupations?.map((code) => occupationName(code) ?? code)) },
          { key: 'wage', label: '期望月薪', children: wishes.wageMinFen !== undefined ? `不低于 ${formatFen(wishes.wageMinFen)}` : none },
          { key: 'hours', label: '工作时间', children: wishes.hours ?? none },
          {
            key: 'school',
            label: '毕业院校',
            children: person.school
              ? `${person.school}${person.graduationYear ? `（${person.graduationYear} 年毕业）` : ''}`
              : person.graduationYear
                ? `${person.graduationYear} 年毕业`
                : none,
          },
          { key: 'retiree', label: '退休人员', children: person.retiree ? '社区管理的退休人员' : '否' },
          { key: 'address', label: '现住址', span: 2, children: person.address ?? none },
        ]}
      />
      <EditPersonModal person={person} open={editing} onClose={() => setEditing(false)} onSaved={onSaved} />
    </Card>
  );
}
