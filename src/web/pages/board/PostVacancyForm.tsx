// 发布岗位 for an employer's own account (JOB-7). Simpler than the counter's form (no employer,
// source or fair to choose, places from the public region list); the same conversions to the
// API body. The server screens the texts and queues the vacancy for review.
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Space } from 'antd';
import { post } from '../../api.js';
import { applyFieldErrors, problemText } from '../../components/formErrors.js';
import type { Vacancy } from '../../types.js';
import {
  AddressItem,
  DescriptionItem,
  EducationItem,
  HeadcountItem,
  HoursItem,
  OccupationItem,
  SkillsItem,
  TitleItem,
  toVacancyBody,
  useDefaultValidity,
  useMaxValidity,
  ValidUntilItem,
  vacancyRename,
  WageMaxItem,
  WageMinItem,
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
  const maxDays = useMaxValidity(Form.useWatch('regionCode', form), 'public').data;
  useDefaultValidity(form, maxDays, true);
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
            <TitleItem />
          </Col>
          <Col xs={24} md={12}>
            <OccupationItem extra="选择后更容易推荐给合适的求职者" />
          </Col>
          <Col xs={12} md={6}>
            <HeadcountItem />
          </Col>
          <Col xs={12} md={6}>
            <EducationItem />
          </Col>
          <Col xs={12} md={6}>
            <WageMinItem />
          </Col>
          <Col xs={12} md={6}>
            <WageMaxItem />
          </Col>
          <Col xs={24} md={12}>
            <SkillsItem placeholder="如：焊工证、电工证" />
          </Col>
          <Col xs={24} md={12}>
            <HoursItem />
          </Col>
          <Col span={24}>
            <Form.Item name="regionCode" label="工作地点" rules={[{ required: true, message: '请选择工作地点' }, placeRule]}>
              <PublicRegionPicker />
            </Form.Item>
          </Col>
          <Col span={24}>
            <AddressItem />
          </Col>
          <Col span={24}>
            <DescriptionItem extra="工作内容、任职条件、工资福利、工作时间等" />
          </Col>
          <Col xs={24} md={12}>
            <ValidUntilItem maxDays={maxDays} pickOnly />
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
