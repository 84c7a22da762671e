// 职业介绍信 at /referrals/:id/letter (JOB-5): the printable letter the seeker takes to the
// employer, with the verification code large enough to read out over the phone and the public
// address where the employer checks it (/jobs/verify), and a reply slip below the cut line.
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { usePersonPath } from '../../components/PageLink.js';
import { useLoad } from '../../hooks.js';
import type { Referral } from '../../types.js';
import { OutcomeTag } from './OutcomeModal.js';
import './letter.css';

/** "2026-05-12" → "2026年5月12日", as official letters date themselves. */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const blank = (n: number) => '\u3000'.repeat(n);

/** The page. */
export function LetterPage() {
  const { id = '' } = useParams();
  const personPath = usePersonPath();
  const referral = useLoad(() => get<Referral>(`/referrals/${id}`), [id]);
  if (referral.error) return <Alert type="error" showIcon title={errorText(referral.error)} />;
  const r = referral.data;
  if (!r) return <Spin size="large" />;
  const verifyAddress = `${window.location.origin}/jobs/verify?code=${r.verificationCode}`;
  const unit = r.unitName ?? '公共就业服务机构';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div
        className="no-print"
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          maxWidth: '210mm',
          margin: '0 auto',
          width: '100%',
        }}
      >
        <Space>
          <Link to="/referrals">
            <ArrowLeftOutlined /> 推荐介绍记录
          </Link>
          {personPath(r.personId) && <Link to={personPath(r.personId)!}>{r.personName}的人员页</Link>}
          <OutcomeTag referral={r} />
        </Space>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <article className="referral-letter" data-testid="referral-letter">
        <div className="letter-code">
          介绍信验证码
          <strong data-testid="letter-code">{r.verificationCode}</strong>
        </div>
        <h1>职业介绍信</h1>
        <p className="addressee">{r.employerName}：</p>
        <p>
          兹介绍求职人员 <b>{r.personName}</b>（公民身份号码 {r.personIdNumber}）前往贵单位，应聘“<b>{r.vacancyTitle}</b>
          ”岗位，请予接洽为盼。
        </p>
        {(r.employerAddress || r.employerContact || r.employerPhone || r.vacancyAddress) && (
          <p className="contact" data-testid="letter-contact">
            {[
              r.vacancyAddress && `工作地点：${r.vacancyAddress}`,
              r.employerAddress && `单位地址：${r.employerAddress}`,
              r.employerContact && `联系人：${r.employerContact}`,
              r.employerPhone && `联系电话：${r.employerPhone}`,
            ]
              .filter(Boolean)
              .join('；')}
            。
          </p>
        )}
        <p>面试后，请将录用与否告知我单位（可在网上反馈，或填写下方回执交求职者带回）。</p>
        <div className="signature">
          <div>{unit}（盖章）</div>
          <div>{chineseDate(r.date)}</div>
          <div style={{ fontSize: 14 }}>经办人：{r.staffName}</div>
        </div>
        <div className="verify" data-testid="letter-verify">
          <p>
            <b>用人单位请核验：</b>本介绍信由公共就业服务机构免费开具。请登录公共就业服务网站{' '}
            <a href={verifyAddress} style={{ color: 'inherit' }}>
              <b>{verifyAddress}</b>
            </a>
            ，输入验证码 <b>{r.verificationCode}</b>，核对介绍信真伪，并可在网上反馈面试和录用结果。
          </p>
          <p>公共就业服务机构推荐介绍不收取任何费用；如有人以本信为名收费，请向当地人力资源和社会保障部门举报。</p>
        </div>
        <section className="reply">
          <div className="cut">
            <span>✂ 沿此线剪下</span>
          </div>
          <h2>回执</h2>
          <p className="addressee">{unit}：</p>
          <p>
            贵单位介绍的求职人员 {r.personName}（介绍信验证码 {r.verificationCode}）已于{blank(3)}年{blank(2)}月{blank(2)}日来我单位应聘“
            {r.vacancyTitle}”岗位。
          </p>
          <p>
            结果：□ 已录用{blank(2)}□ 未录用{blank(2)}□ 未到场
          </p>
          <div className="signature">
            <div>{r.employerName}（盖章）</div>
            <div>
              {blank(3)}年{blank(2)}月{blank(2)}日
            </div>
          </div>
        </section>
      </article>
    </Space>
  );
}
