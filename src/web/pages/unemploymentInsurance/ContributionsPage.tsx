// 缴费记录 (UI-1): the UI office enters a person's contributions as the tax office reported them:
// employer, the months (one, or a run of months with the same base and payment), base and paid in
// yuan (sent as fen); all months are stored or none (the API names the month at fault). Below, the
// person's individual account. Readers pick a person and read the account. The collector's monthly
// file of many people is imported in one go (导入征缴文件, ContributionsImport).
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, InputNumber, Row, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newIdempotencyKey, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { yuanToFen } from '../../format.js';
import { EmployerSelect } from '../employers/EmployerSelect.js';
import { ContributionsImport } from './ContributionsImport.js';
import { UiAccountCard } from './UiAccountCard.js';
import { monthsBetween } from './uiTypes.js';

interface EntryValues {
  employerId: string;
  months: [Dayjs, Dayjs];
  baseYuan: number;
  paidYuan: number;
}

/** The entry form for one person; `onSaved` after a stored post. */
function ContributionForm({ personId, onSaved }: { personId: string; onSaved(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One key per entry: a retry after a lost answer is the same post; a new entry gets a new key.
  const [key, setKey] = useState(newIdempotencyKey);
  const submit = async (v: EntryValues) => {
    const months = monthsBetween(v.months[0].format('YYYY-MM'), v.months[1].format('YYYY-MM'));
    const baseFen = yuanToFen(v.baseYuan);
    const paidFen = yuanToFen(v.paidYuan);
    setBusy(true);
    setProblem(null);
    try {
      const res = await post<{ inserted: number; unchanged: number }>(
        '/ui/contributions',
        { items: months.map((month) => ({ personId, employerId: v.employerId, month, baseFen, paidFen })) },
        { idempotencyKey: key },
      );
      message.success(
        res.unchanged > 0 ? `已保存 ${res.inserted} 个月，${res.unchanged} 个月此前已记录` : `已保存 ${res.inserted} 个月的缴费记录`,
      );
      setKey(newIdempotencyKey());
      onSaved();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<EntryValues>
      form={form}
      layout="vertical"
      name="contribution"
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setProblem(null)}
      initialValues={{ months: [dayjs().subtract(1, 'month'), dayjs().subtract(1, 'month')] }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="contribution-problem" />}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item name="employerId" label="缴费单位" rules={[{ required: true, message: '请选择缴费单位' }]}>
            <EmployerSelect />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            name="months"
            label="缴费月份"
            extra="起止月份相同即为一个月；各月按相同的基数和金额记录"
            rules={[{ required: true, message: '请选择缴费月份' }]}
          >
            <DatePicker.RangePicker
              picker="month"
              style={{ width: '100%' }}
              allowClear={false}
              placeholder={['起始月份', '截止月份']}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item name="baseYuan" label="缴费基数（元）" rules={[{ required: true, message: '请填写缴费基数' }]}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={6}>
          <Form.Item
            name="paidYuan"
            label="实缴金额（元）"
            dependencies={['baseYuan']}
            rules={[
              { required: true, message: '请填写实缴金额' },
              ({ getFieldValue }) => ({
                validator: (_, v: number | undefined) =>
                  v !== undefined && v > ((getFieldValue('baseYuan') as number | undefined) ?? Infinity)
                    ? Promise.reject(new Error('实缴金额不能大于缴费基数'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存缴费记录
          </Button>
        </Col>
      </Row>
    </Form>
  );
}

/** The page. */
export function ContributionsPage() {
  const user = useUser();
  const canWrite = hasRole(user, 'ui_officer');
  const [personId, setPersonId] = useState<string>();
  const [version, setVersion] = useState(0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label="缴费人员" style={{ flex: '1 1 480px', maxWidth: 640 }}>
            <PersonSearch id="ui-contribution-person" value={personId} onChange={setPersonId} />
          </Form.Item>
          {canWrite && (
            <Form.Item style={{ marginInlineStart: 'auto', marginInlineEnd: 0 }}>
              <ContributionsImport onImported={() => setVersion((v) => v + 1)} />
            </Form.Item>
          )}
        </Form>
        {!personId && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            输入姓名或完整身份证号查找人员，{canWrite ? '录入其缴费记录并' : ''}查看其失业保险个人账户。
          </Typography.Paragraph>
        )}
      </Card>
      {personId && canWrite && (
        <Card title="录入缴费记录" size="small" data-testid="contribution-entry">
          <ContributionForm key={personId} personId={personId} onSaved={() => setVersion((v) => v + 1)} />
        </Card>
      )}
      {personId && <UiAccountCard personId={personId} version={version} />}
    </Space>
  );
}
