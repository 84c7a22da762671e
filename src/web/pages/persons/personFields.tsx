// The ledger fields of a person (everything but the ID number), shared by 登记人员 and 编辑台账信息,
// and the conversions between the form's values and the API's body.
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { regionLevel } from '../../../shared/region.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { fenToYuan, yuanToFen } from '../../format.js';
import { educationLevels, householdTypeNames, labourCapacityNames, optionsOf, personCategories, plainOptions } from '../../labels.js';
import type { HouseholdType, JobWishes, LabourCapacity, Person } from '../../types.js';
import { OccupationsSelect } from '../vacancies/OccupationSelect.js';

/** What the form holds; job wishes are flattened into their own fields. */
export interface PersonFormValues {
  name: string;
  regionCode: string;
  householdType: HouseholdType;
  phone?: string;
  education?: string;
  labourCapacity: LabourCapacity;
  categories?: string[];
  skills?: string[];
  occupations?: string[];
  wageMinYuan?: number | null;
  hours?: string;
  address?: string;
  ethnicity?: string;
  disability?: string;
  school?: string;
  graduationYear?: number | null;
  retiree?: boolean;
}

export const phoneRule = { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请输入 11 位手机号或带区号的固定电话' };

/** A chosen street is not enough: people live in a community (the empty case is `required`'s). */
export const communityRule = {
  validator: (_: unknown, code: string | undefined) =>
    !code || (/^\d{12}$/.test(code) && regionLevel(code) === 5) ? Promise.resolve() : Promise.reject(new Error('请选择到社区（村）')),
};

const hoursOptions = plainOptions(['全日制', '非全日制', '不限']);
const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

/** The API body of the ledger fields; `previous` keeps job-wish parts the form does not show. */
export function toPersonBody(v: PersonFormValues, previous?: JobWishes | null) {
  const jobWishes: JobWishes = { ...(previous ?? {}) };
  delete jobWishes.occupations;
  delete jobWishes.wageMinFen;
  delete jobWishes.hours;
  if (v.occupations?.length) jobWishes.occupations = v.occupations;
  if (v.wageMinYuan !== undefined && v.wageMinYuan !== null) jobWishes.wageMinFen = yuanToFen(v.wageMinYuan);
  if (v.hours) jobWishes.hours = v.hours;
  return {
    name: v.name.trim(),
    regionCode: v.regionCode,
    householdType: v.householdType,
    phone: text(v.phone),
    education: v.education,
    labourCapacity: v.labourCapacity,
    categories: v.categories ?? [],
    skills: (v.skills ?? []).map((s) => s.trim()).filter(Boolean),
    jobWishes,
    address: text(v.address),
    ethnicity: text(v.ethnicity),
    disability: text(v.disability),
    school: text(v.school),
    graduationYear: v.graduationYear ?? undefined,
    retiree: !!v.retiree,
  };
}

/** The form values of a stored person (the phone stays empty: it is masked). */
export function fromPerson(p: Person): PersonFormValues {
  return {
    name: p.name,
    regionCode: p.regionCode,
    householdType: p.householdType,
    education: p.education ?? undefined,
    labourCapacity: p.labourCapacity,
    categories: p.categories,
    skills: p.skills,
    occupations: p.jobWishes?.occupations ?? [],
    wageMinYuan: fenToYuan(p.jobWishes?.wageMinFen),
    hours: p.jobWishes?.hours,
    address: p.address ?? undefined,
    ethnicity: p.ethnicity ?? undefined,
    disability: p.disability ?? undefined,
    school: p.school ?? undefined,
    graduationYear: p.graduationYear ?? undefined,
    retiree: p.retiree,
  };
}

/**
 * The ledger fields in the order a counter clerk fills them (name, community, 户籍, phone first,
 * so that Tab walks the essentials); `wide` lays them out in three columns for a page.
 */
export function PersonFields({
  baseScope,
  wide = false,
  phoneLabel = '手机号',
  phoneExtra,
}: {
  baseScope: string;
  wide?: boolean;
  phoneLabel?: string;
  phoneExtra?: string;
}) {
  const span = wide ? 8 : 24;
  return (
    <Row gutter={16}>
      <Col span={span}>
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 40, message: '姓名最多 40 个字' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={wide ? 16 : 24}>
        <Form.Item name="regionCode" label="居住社区（村）" rules={[{ required: true, message: '请选择居住社区（村）' }, communityRule]}>
          <RegionPicker baseScope={baseScope} maxLevel={5} required />
        </Form.Item>
      </Col>
      <Col span={span}>
        {/* A named radio group is one Tab stop (arrow keys switch), which the keyboard flow relies on. */}
        <Form.Item name="householdType" label="户籍性质" rules={[{ required: true, message: '请选择户籍性质' }]}>
          <Radio.Group name="householdType" options={optionsOf(householdTypeNames)} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="phone" label={phoneLabel} extra={phoneExtra} rules={[phoneRule]}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="education" label="文化程度">
          <Select allowClear placeholder="请选择" options={plainOptions(educationLevels)} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="labourCapacity" label="劳动能力" rules={[{ required: true, message: '请选择劳动能力' }]}>
          <Select options={optionsOf(labourCapacityNames)} />
        </Form.Item>
      </Col>
      <Col span={wide ? 16 : 24}>
        <Form.Item name="categories" label="人员类别">
          <Select mode="multiple" allowClear placeholder="可多选" options={plainOptions(personCategories)} />
        </Form.Item>
      </Col>
      <Col span={wide ? 12 : 24}>
        <Form.Item name="skills" label="技能特长" extra="输入后按 Enter 添加">
          <Select
            mode="tags"
            placeholder="如：电工、叉车驾驶"
            notFoundContent={null}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、']}
          />
        </Form.Item>
      </Col>
      <Col span={wide ? 12 : 24}>
        <Form.Item name="occupations" label="求职意向：职业（工种）" extra="按职业分类大典选择，匹配岗位时按职业代码比对">
          <OccupationsSelect />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="wageMinYuan" label="求职意向：期望月薪不低于">
          <InputNumber min={0} max={1_000_000} step={100} precision={0} suffix="元" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="hours" label="求职意向：工作时间">
          <Select allowClear placeholder="请选择" options={hoursOptions} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="ethnicity" label="民族" rules={[{ max: 20, message: '最多 20 个字' }]}>
          <Input placeholder="如：汉族" />
        </Form.Item>
      </Col>
      <Col span={wide ? 16 : 24}>
        <Form.Item name="address" label="现住址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="disability" label="残疾类别及等级" rules={[{ max: 40, message: '最多 40 个字' }]}>
          <Input placeholder="无则不填" />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="school" label="毕业院校" rules={[{ max: 60, message: '最多 60 个字' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="graduationYear" label="毕业年份" extra="填写后列入“高校毕业生”">
          <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="retiree" label="退休人员" valuePropName="checked" extra="勾选后列入“退休人员”（社区社会化管理）">
          <Checkbox>社区管理的退休人员</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
