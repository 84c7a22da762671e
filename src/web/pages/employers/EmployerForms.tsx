// 登记用人单位 and 编辑用人单位 (JOB-1). The credit code is checked in the browser with the same
// GB 32100 rule the server applies, so a mistyped check character is caught before saving.
import { App, Col, Form, Input, Row, Select } from 'antd';
import { parseCreditCode } from '../../../shared/creditCode.js';
import { patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { IndustryPicker } from '../../components/IndustryPicker.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { employerOwnershipNames, employerSizeNames, optionsOf } from '../../labels.js';
import type { Employer } from '../../types.js';
import { communityRule, phoneRule } from '../persons/personFields.js';
import { changedFields, withoutNulls } from '../vacancies/requestBodies.js';

interface EmployerFormValues {
  name: string;
  creditCode?: string;
  regionCode: string;
  industry?: string;
  size?: string;
  ownership?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  description?: string;
}

const creditCodeRule = {
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.reject(new Error('请输入统一社会信用代码'));
    const parsed = parseCreditCode(value);
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The optional fields as the API takes them (null clears a field on edit). */
function toBody(v: EmployerFormValues) {
  return {
    name: v.name.trim(),
    regionCode: v.regionCode,
    industry: v.industry ?? null,
    size: v.size ?? null,
    ownership: v.ownership ?? null,
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    address: text(v.address),
    description: text(v.description),
  };
}

function fromEmployer(e: Employer): EmployerFormValues {
  return {
    name: e.name,
    regionCode: e.regionCode,
    industry: e.industry ?? undefined,
    size: e.size ?? undefined,
    ownership: e.ownership || undefined,
    contactName: e.contactName || undefined,
    contactPhone: e.contactPhone || undefined,
    address: e.address || undefined,
    description: e.description || undefined,
  };
}

/** The fields in the order of a business licence and the employer's registration form. */
function EmployerFields({ baseScope, withCreditCode }: { baseScope: string; withCreditCode: boolean }) {
  return (
    <Row gutter={16}>
      <Col span={withCreditCode ? 12 : 24}>
        <Form.Item
          name="name"
          label="单位名称"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { min: 2, max: 100, message: '单位名称 2–100 个字' },
          ]}
        >
          <Input autoComplete="off" placeholder="与营业执照一致" />
        </Form.Item>
      </Col>
      {withCreditCode && (
        <Col span={12}>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            validateTrigger="onBlur"
            rules={[creditCodeRule]}
            extra="18 位，见营业执照；登记后不可修改"
          >
            <Input autoComplete="off" maxLength={18} style={{ fontFamily: 'monospace' }} placeholder="如：91140105MA0XXXXXXX" />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item
          name="regionCode"
          label="所在社区（村）"
          extra="注册地或经营地"
          rules={[{ required: true, message: '请选择所在社区（村）' }, communityRule]}
        >
          <RegionPicker baseScope={baseScope} maxLevel={5} required />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="industry" label="行业" extra="《国民经济行业分类》（GB/T 4754-2017）门类，知道的再选大类">
          <IndustryPicker />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="size" label="企业规模">
          <Select allowClear placeholder="请选择" options={optionsOf(employerSizeNames)} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="ownership" label="经济类型">
          <Select allowClear placeholder="请选择" options={optionsOf(employerOwnershipNames)} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="contactName" label="联系人" rules={[{ max: 40, message: '最多 40 个字' }]}>
          <Input autoComplete="off" placeholder="如：人事部 张经理" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="contactPhone" label="联系电话" rules={[phoneRule]}>
          <Input autoComplete="off" inputMode="tel" placeholder="手机号或 0351-1234567" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label="地址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="description" label="单位简介" rules={[{ max: 2000, message: '最多 2000 个字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The 登记用人单位 dialog; calls `onCreated` with the new employer. */
export function CreateEmployerModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(e: Employer): void }) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<EmployerFormValues>
      title="登记用人单位"
      open={open}
      onClose={onClose}
      okText="登记"
      width={720}
      initialValues={{ regionCode: user.scope.length === 12 ? user.scope : undefined }}
      onSubmit={async (v, { idempotencyKey }) => {
        const employer = await post<Employer>(
          '/employers',
          { ...withoutNulls(toBody(v)), creditCode: (v.creditCode ?? '').trim().toUpperCase() },
          { idempotencyKey },
        );
        message.success(`已登记用人单位“${employer.name}”`);
        onCreated(employer);
      }}
    >
      <EmployerFields baseScope={user.scope} withCreditCode />
    </FormModal>
  );
}

/** The 编辑用人单位 dialog (everything but the credit code). */
export function EditEmployerModal({
  employer,
  onClose,
  onSaved,
}: {
  employer: Employer | null;
  onClose(): void;
  onSaved(e: Employer): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<EmployerFormValues>
      title={`编辑用人单位：${employer?.name ?? ''}`}
      open={!!employer}
      onClose={onClose}
      width={720}
      initialValues={employer ? fromEmployer(employer) : {}}
      onSubmit={async (v) => {
        if (!employer) return;
        const changes = changedFields(toBody(v), toBody(fromEmployer(employer)));
        if (Object.keys(changes).length === 0) {
          message.info('未作修改');
          return;
        }
        onSaved(await patch<Employer>(`/employers/${employer.id}`, changes));
        message.success('用人单位信息已保存');
      }}
    >
      <EmployerFields baseScope={user.scope} withCreditCode={false} />
    </FormModal>
  );
}
