// 新建工作人员 and 编辑工作人员 dialogs; a change that ends the member's sessions asks first.
import { App, Button, Form, Input, Popconfirm, Select, Switch } from 'antd';
import { roleNames, roles, type Role } from '../../../shared/roles.js';
import { patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { FormModal } from '../../components/FormModal.js';
import type { Staff, Unit } from '../../types.js';
import { newPasswordHint, newPasswordRules } from '../../passwordRules.js';

export const roleOptions = roles.map((r) => ({ value: r, label: roleNames[r] }));

const phoneRule = { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请输入 11 位手机号或带区号的固定电话' };
const passwordRules = newPasswordRules;

/** Options of a unit select: every unit in scope, disabled ones greyed out. */
export function unitOptions(units: Unit[] | undefined) {
  return (units ?? []).map((u) => ({ value: u.id, label: u.name, disabled: u.disabled }));
}

interface CreateValues {
  username: string;
  name: string;
  unitId: string;
  roles: Role[];
  password: string;
  phone?: string;
}

/** The 新建工作人员 dialog. */
export function CreateStaffModal({
  open,
  units,
  onClose,
  onCreated,
}: {
  open: boolean;
  units: Unit[] | undefined;
  onClose(): void;
  onCreated(): void;
}) {
  const { message } = App.useApp();
  return (
    <FormModal<CreateValues>
      title="新建工作人员"
      open={open}
      onClose={onClose}
      okText="创建"
      onSubmit={async (v, { idempotencyKey }) => {
        const created = await post<Staff>(
          '/staff',
          { ...v, username: v.username.trim(), name: v.name.trim(), phone: v.phone?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(`已创建工作人员 ${created.name}（${created.username}）`);
        onCreated();
      }}
    >
      <Form.Item
        name="username"
        label="用户名"
        extra="3–32 位字母、数字、下划线、点或横线，用于登录"
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '用户名为 3–32 位字母、数字、下划线、点或横线' },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 40, message: '姓名最多 40 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="unitId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units)} placeholder="请选择机构" />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
        <Select mode="multiple" options={roleOptions} placeholder="可多选" />
      </Form.Item>
      <Form.Item
        name="password"
        label="初始密码"
        extra={newPasswordHint}
        rules={[{ required: true, message: '请输入初始密码' }, ...passwordRules]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="phone" label="联系电话（选填）" rules={[phoneRule]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  name: string;
  unitId: string;
  roles: Role[];
  disabled: boolean;
  phone?: string;
  password?: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The 编辑工作人员 dialog; sends only what changed. */
export function EditStaffModal({
  member,
  units,
  onClose,
  onSaved,
}: {
  member: Staff | null;
  units: Unit[] | undefined;
  onClose(): void;
  onSaved(): void;
}) {
  const { message, modal } = App.useApp();
  const user = useUser();
  const resetTwoFactor = async (m: Staff) => {
    try {
      const { hadTwoFactor } = await post<{ hadTwoFactor: boolean }>(`/staff/${m.id}/two-factor/reset`);
      message.success(hadTwoFactor ? `已清除 ${m.name} 的两步验证，其登录已失效` : `${m.name} 未设置两步验证`);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const confirmEnd = (what: string) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '确认保存？',
        content: `${what}会立即终止该人员当前的所有登录，对方需要重新登录。`,
        okText: '确认保存',
        cancelText: '再想想',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  return (
    <FormModal<EditValues>
      title={`编辑工作人员：${member?.name ?? ''}（${member?.username ?? ''}）`}
      open={!!member}
      onClose={onClose}
      initialValues={
        member ? { name: member.name, unitId: member.unitId ?? undefined, roles: member.roles, disabled: member.disabled } : {}
      }
      onSubmit={async (v) => {
        if (!member) return;
        const body: Record<string, unknown> = {};
        if (v.name.trim() !== member.name) body.name = v.name.trim();
        if (v.unitId !== member.unitId) body.unitId = v.unitId;
        if (!sameSet(v.roles, member.roles)) body.roles = v.roles;
        if (v.disabled !== member.disabled) body.disabled = v.disabled;
        if (v.phone?.trim()) body.phone = v.phone.trim();
        if (v.password) body.password = v.password;
        if (Object.keys(body).length === 0) {
          message.info('没有修改任何内容');
          return;
        }
        const ending = [
          body.roles && '变更角色',
          body.unitId && '调整机构',
          body.disabled === true && '停用账号',
          body.password && '重置密码',
        ].filter(Boolean);
        if (ending.length > 0 && !(await confirmEnd(ending.join('、')))) return false;
        await patch<Staff>(`/staff/${member.id}`, body);
        message.success('已保存');
        onSaved();
      }}
    >
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 40, message: '姓名最多 40 个字' },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="unitId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(units)} />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={[{ required: true, message: '请至少选择一个角色' }]}>
        <Select mode="multiple" options={roleOptions} />
      </Form.Item>
      <Form.Item name="phone" label="新联系电话" extra={`当前：${member?.phone ?? '未登记'}；不修改请留空`} rules={[phoneRule]}>
        <Input />
      </Form.Item>
      <Form.Item name="password" label="重置密码" extra="不重置请留空" rules={passwordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {member && member.id !== user.id && (
        <Form.Item label="两步验证" extra="手机丢失或更换时使用：清除后其登录立即失效，下次凭密码登录后重新设置">
          <Popconfirm title="清除该人员的两步验证？" okText="清除" onConfirm={() => resetTwoFactor(member)}>
            <Button>清除两步验证</Button>
          </Popconfirm>
        </Form.Item>
      )}
      <Form.Item
        name="disabled"
        label="停用账号"
        valuePropName="checked"
        extra="变更角色、调整机构、重置密码或停用，都会立即终止该人员的登录"
      >
        <Switch checkedChildren="停用" unCheckedChildren="正常" />
      </Form.Item>
    </FormModal>
  );
}
