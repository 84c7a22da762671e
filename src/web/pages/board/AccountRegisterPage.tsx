// 注册 on the public site (JOB-7). A job seeker names themselves with the ID number and name
// already in the labour-force ledger (registration at a counter comes first) and proves it with a
// code texted to the phone in the ledger or an activation code from a counter (issue 10); an
// employer registers with its unified social credit code and, when new to the service, its place,
// or, when already registered, binds to it with a code the same way.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Tabs, Typography, type FormInstance } from 'antd';
import { parseCreditCode } from '../../../shared/creditCode.js';
import { parseIdNumber } from '../../../shared/idNumber.js';
import { post } from '../../api.js';
import { applyFieldErrors, problemText } from '../../components/formErrors.js';
import { kindTabs, phoneRules } from './AccountLoginPage.js';
import { CodeField, normalizeCode } from './CodeField.js';
import { isCommunityCode, PublicRegionPicker } from './PublicRegionPicker.js';
import { usePublicAccount } from './publicAccount.js';
import type { PublicAccount } from './types.js';
import { passwordClassesRule } from '../../passwordRules.js';

type Kind = PublicAccount['kind'];

interface SeekerValues {
  phone: string;
  password: string;
  idNumber: string;
  name: string;
  code: string;
}
interface EmployerValues {
  phone: string;
  password: string;
  creditCode: string;
  employerName: string;
  regionCode?: string;
  contactName?: string;
  code?: string;
}

/** The server's password rule (platform/auth passwordProblem), checked before sending. */
const passwordRules = [{ required: true, message: '请设置密码' }, { min: 8, message: '密码至少 8 位' }, passwordClassesRule];

const idRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve();
    const parsed = parseIdNumber(v);
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

const creditCodeRule = {
  validator: (_: unknown, v: string | undefined) => {
    if (!v) return Promise.resolve();
    const parsed = parseCreditCode(v);
    return parsed.ok ? Promise.resolve() : Promise.reject(new Error(parsed.message));
  },
};

const placeRule = {
  validator: (_: unknown, code: string | undefined) =>
    !code || isCommunityCode(code) ? Promise.resolve() : Promise.reject(new Error('请选择到社区（村）')),
};

/** The registration form with 求职者 / 用人单位 tabs. */
export function AccountRegisterPage() {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'employer' ? 'employer' : 'seeker');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { setAccount } = usePublicAccount();
  const navigate = useNavigate();
  const [seekerForm] = Form.useForm<SeekerValues>();
  const [employerForm] = Form.useForm<EmployerValues>();

  const send = async (form: FormInstance, path: string, body: object) => {
    setBusy(true);
    setProblem(null);
    try {
      const { account } = await post<{ account: PublicAccount }>(path, body);
      setAccount(account);
      navigate('/jobs/me', { replace: true });
    } catch (err) {
      setProblem(problemText(err, applyFieldErrors(form, err)));
    } finally {
      setBusy(false);
    }
  };
  const registerSeeker = (v: SeekerValues) =>
    send(seekerForm, '/public/accounts/seekers', {
      phone: v.phone.trim(),
      password: v.password,
      idNumber: v.idNumber.trim().toUpperCase(),
      name: v.name.trim(),
      code: normalizeCode(v.code),
    });
  const registerEmployer = (v: EmployerValues) =>
    send(employerForm, '/public/accounts/employers', {
      phone: v.phone.trim(),
      password: v.password,
      creditCode: v.creditCode.trim().toUpperCase(),
      employerName: v.employerName.trim(),
      regionCode: v.regionCode || undefined,
      contactName: v.contactName?.trim() || undefined,
      code: v.code ? normalizeCode(v.code) : undefined,
    });

  const account = (
    <>
      <Form.Item name="phone" label="登录手机号" rules={phoneRules} extra="登录用，也是单位或工作人员联系您的号码">
        <Input size="large" inputMode="numeric" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={passwordRules} extra="至少 8 位，同时包含字母和数字">
        <Input.Password size="large" autoComplete="new-password" />
      </Form.Item>
    </>
  );

  return (
    <div className="board-narrow">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          注册账号
        </Typography.Title>
        <Tabs
          activeKey={kind}
          onChange={(k) => {
            setKind(k as Kind);
            setProblem(null);
          }}
          items={kindTabs}
        />
        {kind === 'seeker' ? (
          <Alert
            type="info"
            showIcon
            data-testid="register-note"
            title="注册和求职服务免费"
            description="注册前，请先携带身份证到居住地社区（村）或公共就业服务机构办理求职登记。注册时填写登记的身份证号和姓名，验证码发送到登记时留存的手机号；手机号已更换的，可到服务窗口领取激活码。"
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title="单位注册和发布招聘信息免费"
            description="账号与统一社会信用代码绑定，每个单位一个账号。已在公共就业服务机构登记的单位须凭验证码或激活码注册。发布的岗位经工作人员审核后公开。"
            style={{ marginBottom: 16 }}
          />
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="register-error" style={{ marginBottom: 16 }} />}
        {kind === 'seeker' ? (
          <Form<SeekerValues>
            key="seeker"
            form={seekerForm}
            layout="vertical"
            onFinish={(v) => void registerSeeker(v)}
            requiredMark={false}
          >
            <Form.Item
              name="idNumber"
              label="身份证号"
              rules={[{ required: true, message: '请输入身份证号' }, idRule]}
              validateTrigger="onBlur"
            >
              <Input size="large" maxLength={18} autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input size="large" maxLength={40} autoComplete="name" />
            </Form.Item>
            <CodeField
              form={seekerForm}
              path="/public/accounts/seekers/codes"
              needs={['idNumber', 'name']}
              body={(v) => ({ idNumber: v.idNumber!.trim().toUpperCase(), name: v.name!.trim() })}
              required
              onSent={() => setProblem(null)}
              extra="验证码发送到办理求职登记时留存的手机号。也可填写在社区或服务窗口领取的激活码"
            />
            {account}
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              注册
            </Button>
          </Form>
        ) : (
          <Form<EmployerValues>
            key="employer"
            form={employerForm}
            layout="vertical"
            onFinish={(v) => void registerEmployer(v)}
            requiredMark={false}
          >
            <Form.Item
              name="creditCode"
              label="统一社会信用代码"
              rules={[{ required: true, message: '请输入统一社会信用代码' }, creditCodeRule]}
              validateTrigger="onBlur"
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input size="large" maxLength={18} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item
              name="employerName"
              label="单位名称"
              rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
              extra="与营业执照一致"
            >
              <Input size="large" maxLength={100} autoComplete="organization" />
            </Form.Item>
            <CodeField
              form={employerForm}
              path="/public/accounts/employers/codes"
              needs={['creditCode', 'employerName']}
              body={(v) => ({ creditCode: v.creditCode!.trim().toUpperCase(), employerName: v.employerName!.trim() })}
              required={false}
              onSent={() => setProblem(null)}
              extra="已在公共就业服务机构登记的单位须填写：验证码发送到单位登记的联系电话，或到服务窗口领取激活码；首次登记的单位不用填"
            />
            <Form.Item name="regionCode" label="所在地" rules={[placeRule]} extra="首次在本平台登记的单位须选择到社区（村）">
              <PublicRegionPicker />
            </Form.Item>
            <Form.Item name="contactName" label="联系人">
              <Input size="large" maxLength={40} />
            </Form.Item>
            {account}
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              注册
            </Button>
          </Form>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          已有账号？<Link to={`/jobs/login${kind === 'employer' ? '?kind=employer' : ''}`}>登录</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
