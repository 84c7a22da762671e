// 申请补贴 (AID-8): the type, the month it is for, the person (and, for 岗位开发补贴, the employer
// with the declared contract years and social insurance). The server's rule decides: a 422 names
// the rule that failed (shown once, above the form), a 409 says the application exists and links it.
import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { subsidyTypeNames, type SubsidyType } from '../../../shared/labels.js';
import { ApiError, get, post, type Query } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { optionsOf } from '../../labels.js';
import type { Paged } from '../../types.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { subsidiesPath, subsidyPagePath, type Subsidy, type SubsidyItem } from './subsidyTypes.js';

interface ApplyValues {
  type: SubsidyType;
  period: Dayjs;
  personId: string;
  employerId?: string;
  contractYears?: number;
  insurancePaid?: boolean;
}

/** The application already held for the same type, person and month (the one a 409 is about). */
async function heldApplication(v: ApplyValues): Promise<SubsidyItem | undefined> {
  const query: Query = { type: v.type, period: v.period.format('YYYY-MM'), personId: v.personId, pageSize: 100 };
  const { items } = await get<Paged<SubsidyItem>>(subsidiesPath, query);
  return items.find((s) => s.status !== 'rejected' && (v.type !== 'job_creation' || s.employerId === v.employerId));
}

/** The dialog. */
export function ApplySubsidyModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(created: Subsidy): void }) {
  const { message } = App.useApp();
  const [held, setHeld] = useState<{ id: string; text: string } | null>(null);
  const close = () => {
    setHeld(null);
    onClose();
  };
  return (
    <FormModal<ApplyValues>
      title="申请补贴"
      open={open}
      onClose={close}
      okText="提交申请"
      width={600}
      initialValues={{ type: 'public_welfare_post', period: dayjs().subtract(1, 'month'), insurancePaid: false }}
      onSubmit={async (v, { idempotencyKey }) => {
        setHeld(null);
        const body = {
          type: v.type,
          period: v.period.format('YYYY-MM'),
          personId: v.personId,
          ...(v.type === 'job_creation'
            ? { employerId: v.employerId, contractYears: v.contractYears ?? 0, insurancePaid: !!v.insurancePaid }
            : {}),
        };
        try {
          const created = await post<Subsidy>(subsidiesPath, body, { idempotencyKey });
          message.success(`已提交${subsidyTypeNames[created.type]}申请`);
          onDone(created);
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) {
            const existing = await heldApplication(v).catch(() => undefined);
            if (existing) {
              setHeld({ id: existing.id, text: err.detail.replace(/（[0-9a-f-]{36}）/, '') });
              return false;
            }
          }
          // A rule's refusal names the rule on /type: its detail above the form says it all, once.
          if (err instanceof ApiError && err.code === 'RULE_VIOLATION') throw new ApiError(err.status, err.code, err.detail);
          throw err;
        }
      }}
    >
      {held && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="subsidy-held"
          title={held.text}
          description={<Link to={`${subsidyPagePath}/${held.id}`}>查看已有的申请</Link>}
        />
      )}
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="type" label="补贴类型" rules={[{ required: true, message: '请选择补贴类型' }]}>
            <Select options={optionsOf(subsidyTypeNames)} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="period" label="所属期" extra="补贴所属的月份" rules={[{ required: true, message: '请选择所属期' }]}>
            <DatePicker picker="month" style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="personId" label="享受补贴人员" rules={[{ required: true, message: '请选择享受补贴的人员' }]}>
            <PersonSearch />
          </Form.Item>
        </Col>
        <Form.Item noStyle dependencies={['type']}>
          {({ getFieldValue }) =>
            getFieldValue('type') === 'job_creation' && (
              <>
                <Col span={24}>
                  <Form.Item name="employerId" label="安置单位" rules={[{ required: true, message: '请选择安置单位' }]}>
                    <EmployerSelect />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="contractYears" label="劳动合同年限" rules={[{ required: true, message: '请填写劳动合同年限' }]}>
                    <InputNumber min={0} max={50} step={0.5} suffix="年" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="insurancePaid" label="已缴纳社会保险" valuePropName="checked">
                    <Switch checkedChildren="是" unCheckedChildren="否" />
                  </Form.Item>
                </Col>
              </>
            )
          }
        </Form.Item>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        提交后系统按补贴类型的规则核定资格与金额，同一类型、人员、所属期只能申请一次；申请须由申请人以外的审核员审批。
      </Typography.Paragraph>
    </FormModal>
  );
}
