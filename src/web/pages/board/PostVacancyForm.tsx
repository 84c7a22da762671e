// 发布岗位 for an employer's own account (JOB-7). Simpler than the counter's form (no employer,
// source or fair to choose, places from the public region list); the same conversions to the
// API body. The server screens the texts and queues the vacancy for review.
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { post } from '../../api.js';
import { applyFieldErrors, problemText } from '../../components/formErrors.js';
import { shanghaiToday } from '../../format.js';
import { educationLevels, optionsOf, plainOptions, vacancyHoursNames } from '../../labels.js';
import type { Vacancy } from '../../types.js';
import { OccupationSelect } from '../vacancies/OccupationSelect.js';
import {
  toVacancyBody,
  useDefaultValidity,
  useMaxValidity,
  vacancyRename,
  wageRule,
  type VacancyFormValues,
} from '../vacancies/vacancyFields.js';
import { isCommunityCode, PublicRegionPicker } from './PublicRegionPicker.js';

const placeRule = {
  validator: (_: unknown, code: string | undefined) =>
    !code || isCommunityCode(code) ? Promise.resolve() : Promise.reject(new Error('请选择到社区（村）')),
};

/** The form; `regionCode` (the employer's place) is the default place of work. */
export function PostVacancyForm({ regionCode, onPosted, onCancel }: { regionCode: string; onPosted(v: Vacancy): void; onCancel(): void }) {
  const [form] = Form.useForm<VacancyFormValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const today = dayjs(shanghaiToday());
  const maxDays = useMaxValidity(Form.useWatch('regionCode', form), 'public').data;
  useDefaultValidity(form, maxDays, true);
  const lastDay = maxDays === undefined ? undefined : today.add(maxDays, 'day');
  const submit = async (values: VacancyFormValues) => {
    setBusy(true);
    setProblem(null);
    try {
      onPosted(await post<Vacancy>('/public/me/vacancies', toVacancyBody(values)));
    } catch (err) {
      setProblem(problemText(err, applyFieldErrors(form, err, vacancyRename)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="发布岗位" data-testid="post-vacancy">
      <Alert
        type="info"
        showIcon
        title="发布免费。提交后由工作人员审核，通过后公开；岗位描述不得含性别、民族、户籍、婚育、年龄等歧视性条件。"
        style={{ marginBottom: 16 }}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<VacancyFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ headcount: 1, hours: 'full_time', regionCode: isCommunityCode(regionCode) ? regionCode : undefined }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label="岗位名称"
              rules={[
                { required: true, whitespace: true, message: '请输入岗位名称' },
                { min: 2, max: 60, message: '岗位名称 2–60 个字' },
              ]}
            >
              <Input placeholder="如：电焊工" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occupation" label="职业（工种）" extra="选择后更容易推荐给合适的求职者">
              <OccupationSelect />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="headcount" label="招聘人数" rules={[{ required: true, message: '请输入招聘人数' }]}>
              <InputNumber min={1} max={10_000} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="education" label="学历要求">
              <Select allowClear placeholder="不限" options={plainOptions(educationLevels)} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="wageMinYuan" label="月工资下限" rules={[{ required: true, message: '请输入工资下限' }]}>
              <InputNumber min={0} max={1_000_000} step={100} precision={0} suffix="元" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="wageMaxYuan"
              label="月工资上限"
              dependencies={['wageMinYuan']}
              rules={[{ required: true, message: '请输入工资上限' }, wageRule]}
            >
              <InputNumber min={0} max={1_000_000} step={100} precision={0} suffix="元" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="skills" label="技能要求" extra="输入后按 Enter 添加">
              <Select
                mode="tags"
                open={false}
                placeholder="如：焊工证、电工证"
                suffixIcon={null}
                tokenSeparators={[',', '，', '、']}
                maxCount={20}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="hours" label="用工形式" rules={[{ required: true, message: '请选择用工形式' }]}>
              <Radio.Group options={optionsOf(vacancyHoursNames)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="regionCode" label="工作地点" rules={[{ required: true, message: '请选择工作地点' }, placeRule]}>
              <PublicRegionPicker />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label="详细地址" rules={[{ max: 200, message: '地址最多 200 个字' }]}>
              <Input placeholder="如：坞城路 88 号 3 号车间" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="description"
              label="岗位描述"
              extra="工作内容、任职条件、工资福利、工作时间等"
              rules={[
                { required: true, whitespace: true, message: '请输入岗位描述' },
                { min: 5, max: 4000, message: '岗位描述 5–4000 个字' },
              ]}
            >
              <Input.TextArea rows={5} showCount maxLength={4000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="validUntil"
              label="有效期至"
              rules={[{ required: true, message: '请选择有效期' }]}
              extra={lastDay ? `最长有效 ${maxDays} 天（至 ${lastDay.format('YYYY-MM-DD')}）` : undefined}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(today, 'day') || (lastDay !== undefined && d.isAfter(lastDay, 'day'))}
                inputReadOnly
              />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" size="large" loading={busy}>
            提交审核
          </Button>
          <Button size="large" onClick={onCancel}>
            取消
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
