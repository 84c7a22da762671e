// The fields of a vacancy, shared by 登记岗位 and 编辑岗位, the conversions between the form (wages
// in yuan, a dayjs date) and the API body (fen, 'YYYY-MM-DD'), and the live screening beside them.
import { useEffect, useState } from 'react';
import { Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../api.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { fenToYuan, shanghaiToday, yuanToFen } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { educationLevels, optionsOf, plainOptions, vacancyHoursNames, vacancySourceNames } from '../../labels.js';
import type { Paged, Vacancy } from '../../types.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import { communityRule } from '../persons/personFields.js';
import { OccupationSelect } from './OccupationSelect.js';
import { FlagCountTag, FlagList, ScreenedTexts, useScreeningPreview } from './ScreeningFlags.js';

/** What the vacancy form holds. */
export interface VacancyFormValues {
  employerId?: string;
  source?: string;
  title: string;
  occupation?: string;
  headcount: number;
  wageMinYuan: number;
  wageMaxYuan: number;
  education?: string;
  skills?: string[];
  hours: string;
  regionCode: string;
  address?: string;
  description: string;
  validUntil: Dayjs;
  fairId?: string;
}

/** API field → form field, for the server's field errors. */
export const vacancyRename = { wageMin: 'wageMinYuan', wageMax: 'wageMaxYuan' };

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The editable part of the API body (PATCH takes exactly this; POST adds employer and source). */
export function toVacancyBody(v: VacancyFormValues) {
  return {
    title: v.title.trim(),
    occupation: v.occupation ?? null,
    headcount: v.headcount,
    wageMin: yuanToFen(v.wageMinYuan),
    wageMax: yuanToFen(v.wageMaxYuan),
    education: v.education ?? null,
    skills: (v.skills ?? []).map((s) => s.trim()).filter(Boolean),
    hours: v.hours,
    regionCode: v.regionCode,
    address: text(v.address),
    description: v.description.trim(),
    validUntil: v.validUntil.format('YYYY-MM-DD'),
    fairId: v.fairId ?? null,
  };
}

/** The form values of a stored vacancy. */
export function fromVacancy(v: Vacancy): VacancyFormValues {
  return {
    title: v.title,
    occupation: v.occupation ?? undefined,
    headcount: v.headcount,
    wageMinYuan: fenToYuan(v.wageMin) ?? 0,
    wageMaxYuan: fenToYuan(v.wageMax) ?? 0,
    education: v.education || undefined,
    skills: v.skills,
    hours: v.hours,
    regionCode: v.regionCode,
    address: v.address || undefined,
    description: v.description,
    validUntil: dayjs(v.validUntil),
    fairId: v.fairId ?? undefined,
  };
}

/** Defaults of a new vacancy; the validity follows once the place of work is known (useDefaultValidity). */
export function newVacancyDefaults(employerId?: string): Partial<VacancyFormValues> {
  return { employerId, source: 'counter', headcount: 1, hours: 'full_time' };
}

/** 工资上限 not below 工资下限 (both in yuan). */
export const wageRule = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
  validator: (_: unknown, max: number | null | undefined) => {
    const min = getFieldValue('wageMinYuan') as number | null | undefined;
    return max === null || max === undefined || min === null || min === undefined || max >= min
      ? Promise.resolve()
      : Promise.reject(new Error('工资上限不能低于工资下限'));
  },
});

/** Upcoming job fairs in scope, for 「在招聘会上提供」. */
function useUpcomingFairs() {
  return useLoad(
    () => get<Paged<{ id: string; name: string; date: string; cancelled: boolean }>>('/fairs', { from: shanghaiToday(), pageSize: 50 }),
    [],
  );
}

/**
 * The longest validity in force (days, parameter vacancy.max_validity) for the place of work, to
 * offer only dates the server accepts; employers read the same figure from the public board.
 */
export function useMaxValidity(regionCode: string | undefined, reader: 'staff' | 'public' = 'staff') {
  const code = regionCode && /^\d{12}$/.test(regionCode) ? regionCode : undefined;
  const path = reader === 'public' ? '/public/params/vacancy.max_validity' : '/params/vacancy.max_validity';
  return useLoad(async () => (code ? (await get<{ value: number }>(path, { regionCode: code })).value : undefined), [code, path]);
}

/** Fills 有效期至 with the longest validity in force until the user picks a date themselves. */
export function useDefaultValidity(form: FormInstance<VacancyFormValues>, maxDays: number | undefined, enabled: boolean) {
  useEffect(() => {
    if (enabled && maxDays !== undefined && !form.isFieldTouched('validUntil'))
      form.setFieldValue('validUntil', dayjs(shanghaiToday()).add(maxDays, 'day'));
  }, [form, maxDays, enabled]);
}

// The form items both vacancy forms share (the counter's and the employer's own on the board), so
// labels, limits and messages are written once; each form places them in its own grid.

export function TitleItem({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <Form.Item
      name="title"
      label="岗位名称"
      rules={[
        { required: true, whitespace: true, message: '请输入岗位名称' },
        { min: 2, max: 60, message: '岗位名称 2–60 个字' },
      ]}
    >
      <Input autoComplete="off" placeholder="如：电焊工" maxLength={60} autoFocus={autoFocus} />
    </Form.Item>
  );
}

export function OccupationItem({ extra }: { extra: string }) {
  return (
    <Form.Item name="occupation" label="职业（工种）" extra={extra}>
      <OccupationSelect />
    </Form.Item>
  );
}

export function HeadcountItem() {
  return (
    <Form.Item name="headcount" label="招聘人数" rules={[{ required: true, message: '请输入招聘人数' }]}>
      <InputNumber min={1} max={10_000} precision={0} suffix="人" style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function WageMinItem() {
  return (
    <Form.Item name="wageMinYuan" label="月工资下限" rules={[{ required: true, message: '请输入工资下限' }]}>
      <InputNumber min={0} max={1_000_000} step={100} precision={0} suffix="元" style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function WageMaxItem() {
  return (
    <Form.Item
      name="wageMaxYuan"
      label="月工资上限"
      dependencies={['wageMinYuan']}
      rules={[{ required: true, message: '请输入工资上限' }, wageRule]}
    >
      <InputNumber min={0} max={1_000_000} step={100} precision={0} suffix="元" style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function EducationItem() {
  return (
    <Form.Item name="education" label="学历要求">
      <Select allowClear placeholder="不限" options={plainOptions(educationLevels)} popupMatchSelectWidth={false} />
    </Form.Item>
  );
}

export function SkillsItem({ placeholder }: { placeholder: string }) {
  return (
    <Form.Item name="skills" label="技能要求" extra="输入后按 Enter 添加">
      <Select
        mode="tags"
        open={false}
        placeholder={placeholder}
        notFoundContent={null}
        suffixIcon={null}
        tokenSeparators={[',', '，', '、']}
        maxCount={20}
      />
    </Form.Item>
  );
}

export function HoursItem() {
  return (
    <Form.Item name="hours" label="用工形式" rules={[{ required: true, message: '请选择用工形式' }]}>
      <Radio.Group name="hours" options={optionsOf(vacancyHoursNames)} />
    </Form.Item>
  );
}

export function AddressItem() {
  return (
    <Form.Item name="address" label="详细地址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
      <Input placeholder="如：坞城路 88 号 3 号车间" />
    </Form.Item>
  );
}

export function DescriptionItem({ extra }: { extra: string }) {
  return (
    <Form.Item
      name="description"
      label="岗位描述"
      extra={extra}
      rules={[
        { required: true, whitespace: true, message: '请输入岗位描述' },
        { min: 5, max: 4000, message: '岗位描述 5–4000 个字' },
      ]}
    >
      <Input.TextArea rows={5} showCount maxLength={4000} />
    </Form.Item>
  );
}

/**
 * 有效期至, offering only the days the parameter vacancy.max_validity allows from today. On the
 * board (`pickOnly`) the date is picked, so a phone does not open its keyboard; counters type it.
 */
export function ValidUntilItem({ maxDays, pickOnly = false }: { maxDays: number | undefined; pickOnly?: boolean }) {
  const today = dayjs(shanghaiToday());
  const lastDay = maxDays === undefined ? undefined : today.add(maxDays, 'day');
  return (
    <Form.Item
      name="validUntil"
      label="有效期至"
      rules={[{ required: true, message: '请选择有效期' }]}
      extra={lastDay ? `最长有效 ${maxDays} 天（至 ${lastDay.format('YYYY-MM-DD')}）` : undefined}
    >
      <DatePicker
        allowClear={false}
        inputReadOnly={pickOnly}
        disabledDate={(d) => d.isBefore(today, 'day') || (lastDay !== undefined && d.isAfter(lastDay, 'day'))}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

/**
 * The fields in the order a counter fills them from an employer's form; `mode` 'create' adds the
 * employer and the source; choosing an employer fills the place of work with the employer's.
 */
export function VacancyFields({ mode, baseScope }: { mode: 'create' | 'edit'; baseScope: string }) {
  const form = Form.useFormInstance<VacancyFormValues>();
  const regionCode = Form.useWatch('regionCode', form);
  // The cursor starts where the typing starts: the employer, unless the page already chose it.
  const [employerFirst] = useState(() => mode === 'create' && !form.getFieldValue('employerId'));
  const fairs = useUpcomingFairs();
  const maxDays = useMaxValidity(regionCode).data;
  useDefaultValidity(form, maxDays, mode === 'create');
  return (
    <Row gutter={16}>
      {mode === 'create' && (
        <>
          <Col span={16}>
            <Form.Item name="employerId" label="用人单位" rules={[{ required: true, message: '请选择用人单位' }]}>
              <EmployerSelect
                autoFocus={employerFirst}
                onPick={(e) => {
                  // The employer's place is the usual place of work: fill it in when still empty.
                  if (!e) return;
                  if (!form.getFieldValue('regionCode') && e.regionCode.startsWith(baseScope))
                    form.setFieldValue('regionCode', e.regionCode);
                  if (!form.getFieldValue('address') && e.address) form.setFieldValue('address', e.address);
                }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label="信息来源" rules={[{ required: true, message: '请选择信息来源' }]}>
              <Select options={optionsOf(vacancySourceNames).filter((o) => o.value !== 'employer')} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col span={12}>
        <TitleItem autoFocus={!employerFirst} />
      </Col>
      <Col span={12}>
        <OccupationItem extra="按 2022 版职业分类大典，用于匹配求职者" />
      </Col>
      <Col span={6}>
        <HeadcountItem />
      </Col>
      <Col span={6}>
        <WageMinItem />
      </Col>
      <Col span={6}>
        <WageMaxItem />
      </Col>
      <Col span={6}>
        <EducationItem />
      </Col>
      <Col span={16}>
        <SkillsItem placeholder="如：焊工、电工" />
      </Col>
      <Col span={8}>
        <HoursItem />
      </Col>
      <Col span={24}>
        <Form.Item name="regionCode" label="工作地点" rules={[{ required: true, message: '请选择工作地点' }, communityRule]}>
          <RegionPicker baseScope={baseScope} maxLevel={5} required />
        </Form.Item>
      </Col>
      <Col span={24}>
        <AddressItem />
      </Col>
      <Col span={24}>
        <DescriptionItem extra="工作内容、任职条件、工资福利、工作时间等；不得含性别、民族、户籍、婚育等歧视性条件" />
      </Col>
      <Col span={12}>
        <ValidUntilItem maxDays={maxDays} />
      </Col>
      <Col span={12}>
        <Form.Item name="fairId" label="招聘会" extra="在招聘会上提供的岗位请选择">
          <Select
            allowClear
            placeholder={fairs.data?.items.length === 0 ? '近期没有招聘会' : '不在招聘会上提供'}
            loading={fairs.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(fairs.data?.items ?? []).filter((f) => !f.cancelled).map((f) => ({ value: f.id, label: `${f.date} ${f.name}` }))}
            onChange={(fairId: string | undefined) => {
              if (mode === 'create' && fairId) form.setFieldValue('source', 'fair');
            }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The live 就业歧视审查 beside the form: asks the server as title, description and skills are typed. */
export function LiveScreening() {
  const form = Form.useFormInstance<VacancyFormValues>();
  const title = Form.useWatch('title', form);
  const description = Form.useWatch('description', form);
  const skills = Form.useWatch('skills', form);
  const preview = useScreeningPreview(title, description, skills);
  return (
    <Card
      size="small"
      title="就业歧视审查（实时预览）"
      data-testid="live-screening"
      extra={
        <Space size={4}>
          {preview.loading && <Spin size="small" />}
          {preview.screened && !preview.loading && <FlagCountTag flags={preview.flags} />}
        </Space>
      }
      style={{ position: 'sticky', top: 24 }}
    >
      {preview.error && <Typography.Text type="danger">审查预览暂不可用：{preview.error}</Typography.Text>}
      {!preview.screened ? (
        <Typography.Text type="secondary">
          输入岗位名称和描述后，这里会标出可能构成就业歧视的文字及其法律依据。保存后由审核员审核，审核通过才对外发布。
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ScreenedTexts
            title={preview.screened.title}
            description={preview.screened.description}
            skills={preview.screened.skills}
            flags={preview.flags}
          />
          <FlagList flags={preview.flags} />
        </Space>
      )}
    </Card>
  );
}

/** The fields on the left, the live screening on the right (stacked on narrow screens). */
export function VacancyFormLayout({ mode, baseScope }: { mode: 'create' | 'edit'; baseScope: string }) {
  return (
    <Row gutter={24}>
      <Col xs={24} xl={14}>
        <VacancyFields mode={mode} baseScope={baseScope} />
      </Col>
      <Col xs={24} xl={10}>
        <LiveScreening />
      </Col>
    </Row>
  );
}
