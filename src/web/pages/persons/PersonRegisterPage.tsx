// 登记人员 (REG-1): ID number first, sex and birth date read from it as soon as it is complete,
// the ledger fields, and 「同时办理失业登记」 so a counter clerk registers an unemployed person in one
// go with the keyboard alone (autofocus on the ID, Tab through the essentials, Enter submits).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { parseIdNumber } from '../../../shared/idNumber.js';
import { ApiError, newIdempotencyKey, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { applyFieldErrors, errorText, problemText } from '../../components/formErrors.js';
import { ageOn, shanghaiToday } from '../../format.js';
import { sexNames } from '../../labels.js';
import type { Person } from '../../types.js';
import { PersonFields, toPersonBody, type PersonFormValues } from './personFields.js';

interface RegisterValues extends PersonFormValues {
  idNumber: string;
  registerUnemployment: boolean;
}

/** What the ID number says once it is complete and valid: sex, birth date and age (errors show as the field's). */
function IdNumberHint({ value }: { value: string | undefined }) {
  const typed = (value ?? '').trim();
  // A 15-character prefix of an 18-digit number is not yet a legacy number: say nothing alarming.
  if (typed.length === 15) return <span>如为 15 位旧号码，提交时自动转换为 18 位</span>;
  if (typed.length !== 18) return <span>输入 18 位身份证号后自动识别性别和出生日期</span>;
  const parsed = parseIdNumber(typed, { today: shanghaiToday() });
  if (!parsed.ok) return null;
  const { sex, birthDate } = parsed.value;
  return (
    <Space size="large" data-testid="id-derived">
      <Typography.Text type="success">性别：{sexNames[sex]}</Typography.Text>
      <Typography.Text type="success">出生日期：{birthDate}</Typography.Text>
      <Typography.Text type="success">年龄：{ageOn(birthDate, shanghaiToday())} 周岁</Typography.Text>
    </Space>
  );
}

const idNumberRule = {
  validator: (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return Promise.reject(new Error('请输入身份证号'));
    const parsed = parseIdNumber(value, { today: shanghaiToday() });
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

/** The register page. */
export function PersonRegisterPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const idNumber = Form.useWatch('idNumber', form);
  // One key per opening of the form: a create retried after a lost answer is not made twice.
  const [keys] = useState(() => ({ person: newIdempotencyKey(), unemployment: newIdempotencyKey() }));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; personId?: string } | null>(null);
  const ownCommunity = user.scope.length === 12 ? user.scope : undefined;

  const submit = async (v: RegisterValues) => {
    setBusy(true);
    setProblem(null);
    let person: Person;
    try {
      person = await post<Person>(
        '/persons',
        { idNumber: v.idNumber.trim().toUpperCase(), ...toPersonBody(v) },
        { idempotencyKey: keys.person },
      );
    } catch (err) {
      const text = problemText(err, applyFieldErrors(form, err));
      const personId = err instanceof ApiError && typeof err.extra.personId === 'string' ? err.extra.personId : undefined;
      setProblem(text ? { text, personId } : null);
      setBusy(false);
      return;
    }
    if (v.registerUnemployment) {
      try {
        await post(
          `/persons/${person.id}/registrations`,
          { type: 'unemployment', date: shanghaiToday() },
          { idempotencyKey: keys.unemployment },
        );
        message.success(`已登记 ${person.name}，并办理失业登记`);
      } catch (err) {
        message.warning(`已登记 ${person.name}，但失业登记未办理：${errorText(err)}`, 8);
      }
    } else {
      message.success(`已登记 ${person.name}`);
    }
    navigate(`/persons/${person.id}`);
  };

  return (
    <Card title="登记人员（劳动力资源台账）" extra={<Link to="/persons">返回人员台账</Link>}>
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.text}
          action={problem.personId ? <Link to={`/persons/${problem.personId}`}>查看该人员</Link> : undefined}
        />
      )}
      <Form<RegisterValues>
        form={form}
        name="registerPerson"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ householdType: 'urban', labourCapacity: 'full', registerUnemployment: true, regionCode: ownCommunity }}
        style={{ maxWidth: 1080 }}
      >
        <Form.Item
          name="idNumber"
          label="公民身份号码"
          validateTrigger="onBlur"
          rules={[idNumberRule]}
          extra={<IdNumberHint value={idNumber} />}
          style={{ maxWidth: 520 }}
        >
          <Input
            autoFocus
            autoComplete="off"
            maxLength={18}
            // Checked the moment the 18th character is typed, not only on leaving the field.
            onChange={(e) => {
              if (e.target.value.trim().length === 18) form.validateFields(['idNumber']).catch(() => undefined);
            }}
            placeholder="18 位身份证号（15 位旧号码自动转换）"
            style={{ fontFamily: 'monospace', fontSize: 16 }}
          />
        </Form.Item>
        <PersonFields baseScope={user.scope} wide />
        <Form.Item name="registerUnemployment" valuePropName="checked" extra="勾选后，登记完成即以今天为登记日期办理失业登记">
          <Checkbox>同时办理失业登记</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            登记
          </Button>
          <Button onClick={() => navigate('/persons')} size="large">
            取消
          </Button>
          <Typography.Text type="secondary">在任一输入框中按 Enter 即可提交</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
