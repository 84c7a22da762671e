// 登记岗位 (JOB-2): a job officer enters an employer's vacancy; the text is screened for
// discrimination as it is typed (JOB-3), and the saved vacancy waits for a reviewer.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { newIdempotencyKey, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { applyFieldErrors, problemText } from '../../components/formErrors.js';
import type { Vacancy } from '../../types.js';
import { withoutNulls } from './requestBodies.js';
import { newVacancyDefaults, toVacancyBody, vacancyRename, VacancyFormLayout, type VacancyFormValues } from './vacancyFields.js';
import { flagCountText } from './ScreeningFlags.js';

/** The page at /vacancies/new (?employerId= preselects the employer). */
export function VacancyRegisterPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<VacancyFormValues>();
  // One key per opening of the form: a create retried after a lost answer is not made twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [initialValues] = useState(() => newVacancyDefaults(params.get('employerId') ?? undefined));

  const submit = async (v: VacancyFormValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const vacancy = await post<Vacancy>(
        '/vacancies',
        { employerId: v.employerId, source: v.source, ...withoutNulls(toVacancyBody(v)) },
        { idempotencyKey },
      );
      const flags = vacancy.screening.flags;
      message.success(flags.length > 0 ? `岗位已登记，审查提示：${flagCountText(flags)}，待审核员处理` : '岗位已登记，等待审核');
      navigate(`/vacancies/${vacancy.id}`);
    } catch (err) {
      setProblem(problemText(err, applyFieldErrors(form, err, vacancyRename)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="登记岗位" extra={<Link to="/vacancies">返回岗位信息</Link>}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<VacancyFormValues>
        form={form}
        name="registerVacancy"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <VacancyFormLayout mode="create" baseScope={user.scope} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            登记并提交审核
          </Button>
          <Button onClick={() => navigate(-1)} size="large">
            取消
          </Button>
          <Typography.Text type="secondary">登记后进入待审核，审核通过才对外发布</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
