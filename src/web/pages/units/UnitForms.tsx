// 新建机构 and 编辑机构 dialogs.
import { App, Form, Input, Select, Switch } from 'antd';
import { unitTypes, type UnitType } from '../../../shared/roles.js';
import { patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import type { Unit } from '../../types.js';

export const unitTypeOptions = Object.entries(unitTypes).map(([value, label]) => ({ value, label }));

/** The deepest region level each unit type may sit at (the server checks the exact rule). */
const maxLevelOfType: Record<UnitType, number> = {
  labour_bureau: 3,
  employment_centre: 3,
  ui_office: 3,
  training_office: 3,
  street_office: 4,
  community_station: 5,
};

const levelHint: Partial<Record<UnitType, string>> = {
  street_office: '街道劳动保障事务所应设在街道（乡镇）级区划',
  community_station: '社区工作站应设在社区（村）级区划',
};

interface CreateValues {
  name: string;
  type: UnitType;
  regionCode: string;
  address?: string;
  phone?: string;
}

const optional = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

/** The 新建机构 dialog; calls `onCreated` with the new unit. */
export function CreateUnitModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(unit: Unit): void }) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<CreateValues>
      title="新建机构"
      open={open}
      onClose={onClose}
      okText="创建"
      width={640}
      onSubmit={async (v, { idempotencyKey }) => {
        const unit = await post<Unit>(
          '/units',
          { name: v.name.trim(), type: v.type, regionCode: v.regionCode, address: optional(v.address), phone: optional(v.phone) },
          { idempotencyKey },
        );
        message.success(`已创建机构“${unit.name}”`);
        onCreated(unit);
      }}
    >
      <Form.Item
        name="name"
        label="机构名称"
        rules={[
          { required: true, whitespace: true, message: '请输入机构名称' },
          { min: 2, max: 60, message: '机构名称 2–60 个字' },
        ]}
      >
        <Input placeholder="如：平阳路街道劳动保障事务所" />
      </Form.Item>
      <Form.Item name="type" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
        <Select options={unitTypeOptions} placeholder="请选择" />
      </Form.Item>
      <Form.Item noStyle dependencies={['type']}>
        {({ getFieldValue }) => {
          const type = getFieldValue('type') as UnitType | undefined;
          return (
            <Form.Item
              name="regionCode"
              label="所在区划"
              extra={(type && levelHint[type]) ?? '依次选择下级区划；不选则为您本级区划'}
              rules={[{ required: true, message: '请选择所在区划' }]}
              initialValue={user.scope ? user.scope.padEnd(12, '0') : undefined}
            >
              <RegionPicker baseScope={user.scope} maxLevel={type ? maxLevelOfType[type] : 5} />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="address" label="地址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ max: 30, message: '电话最多 30 个字符' }]}>
        <Input placeholder="如：0351-1234567" />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  name: string;
  address?: string;
  phone?: string;
  disabled: boolean;
}

/** The 编辑机构 dialog for one unit. */
export function EditUnitModal({ unit, onClose, onSaved }: { unit: Unit | null; onClose(): void; onSaved(unit: Unit): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<EditValues>
      title={`编辑机构：${unit?.name ?? ''}`}
      open={!!unit}
      onClose={onClose}
      initialValues={unit ? { name: unit.name, address: unit.address ?? '', phone: unit.phone ?? '', disabled: unit.disabled } : {}}
      onSubmit={async (v) => {
        if (!unit) return;
        const saved = await patch<Unit>(`/units/${unit.id}`, {
          name: v.name.trim(),
          address: optional(v.address) ?? null,
          phone: optional(v.phone) ?? null,
          disabled: v.disabled,
        });
        message.success('机构信息已保存');
        onSaved(saved);
      }}
    >
      <Form.Item
        name="name"
        label="机构名称"
        rules={[
          { required: true, whitespace: true, message: '请输入机构名称' },
          { min: 2, max: 60, message: '机构名称 2–60 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="address" label="地址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label="联系电话" rules={[{ max: 30, message: '电话最多 30 个字符' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="disabled" label="停用" valuePropName="checked" extra="停用后不能再向该机构分配工作人员">
        <Switch checkedChildren="停用" unCheckedChildren="正常" />
      </Form.Item>
    </FormModal>
  );
}
