// One vacancy's public page (JOB-7): every public field, the description, how to contact the
// employer, and that the public employment service refers and registers free of charge.
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LoginOutlined, PhoneOutlined } from '@ant-design/icons';
import { employerSizeNames, industryName } from '../../../shared/industries.js';
import { vacancyHoursNames, vacancySourceNames } from '../../../shared/labels.js';
import { occupationName } from '../../../shared/occupations.js';
import { ApiError, get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import { dateOf, freeServices, placeText, wageText } from './boardFormat.js';
import { loginLink, usePublicAccount } from './publicAccount.js';
import type { Application, PublicVacancyDetail } from './types.js';
import { useApply, type ApplyTarget } from './useApply.js';

const hoursNames: Record<string, string> = vacancyHoursNames;
const sourceNames: Record<string, string> = vacancySourceNames;
const sizeNames: Record<string, string> = employerSizeNames;

/** The vacancy page; gone (expired, filled, withdrawn) or unknown ids read as one 404 message. */
export function BoardVacancyPage() {
  const { id = '' } = useParams();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const back = `/jobs${from ?? ''}`;
  const { data: v, error, reload } = useLoad(() => get<PublicVacancyDetail>(`/public/vacancies/${encodeURIComponent(id)}`), [id]);

  const backLink = (
    <Link to={back}>
      <ArrowLeftOutlined /> {from ? '返回搜索结果' : '看看其他岗位'}
    </Link>
  );
  // 400 is an id that is not a UUID (a mistyped link): for the visitor, the same as gone.
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Result
        status="404"
        title="该招聘信息已过期或已下架"
        subTitle="岗位招满、过期或被单位撤回后不再公开。看看其他正在招聘的岗位吧。"
        extra={
          <Link to="/jobs">
            <Button type="primary">找工作</Button>
          </Link>
        }
        data-testid="vacancy-gone"
      />
    );
  }
  if (error) return <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={reload}>重试</Button>} />;
  if (!v) return <Skeleton active />;

  const open = Math.max(v.headcount - v.filled, 0);
  const occupation = v.occupation ? `${occupationName(v.occupation) ?? '其他职业'}（${v.occupation}）` : '—';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {backLink}
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="vacancy-title">
          {v.title}
        </Typography.Title>
        <div className="board-wage" style={{ fontSize: 20, margin: '8px 0' }}>
          {wageText(v.wageMin, v.wageMax)}
        </div>
        <Typography.Text strong>{v.employerName}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Tag>{hoursNames[v.hours] ?? v.hours}</Tag>
          {v.education && <Tag>{v.education}</Tag>}
          <Tag color="green">招 {open} 人</Tag>
        </div>
        <ApplyBar target={{ vacancyId: v.id, title: v.title, employerName: v.employerName }} />
      </Card>
      <Card title="岗位信息">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" data-testid="vacancy-fields">
          <Descriptions.Item label="工作地点">{placeText(v)}</Descriptions.Item>
          <Descriptions.Item label="招聘人数">
            {v.headcount} 人{v.filled > 0 ? `（已录用 ${v.filled} 人）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="月工资">{wageText(v.wageMin, v.wageMax)}</Descriptions.Item>
          <Descriptions.Item label="用工形式">{hoursNames[v.hours] ?? v.hours}</Descriptions.Item>
          <Descriptions.Item label="学历要求">{v.education ?? '不限'}</Descriptions.Item>
          <Descriptions.Item label="职业">{occupation}</Descriptions.Item>
          <Descriptions.Item label="技能要求">{v.skills.length ? v.skills.join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{dateOf(v.publishedAt) || '—'}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{v.validUntil}</Descriptions.Item>
          <Descriptions.Item label="信息来源">
            {sourceNames[v.source] ?? v.source}
            {v.fairId && (
              <>
                {' · '}
                <Link to="/jobs/fairs">招聘会岗位</Link>
              </>
            )}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>岗位描述</Typography.Title>
        <Typography.Paragraph className="board-pre" data-testid="vacancy-description" style={{ marginBottom: 0 }}>
          {v.description}
        </Typography.Paragraph>
      </Card>
      <Card title="招聘单位">
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" data-testid="employer-fields">
          <Descriptions.Item label="单位名称">{v.employerName}</Descriptions.Item>
          <Descriptions.Item label="所属行业">{(v.employerIndustry && industryName(v.employerIndustry)) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="单位规模">{(v.employerSize && sizeNames[v.employerSize]) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="单位地址">{v.employerAddress ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系人">{v.employerContact ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="联系电话">
            {v.employerPhone ? (
              <a href={`tel:${v.employerPhone}`}>
                <PhoneOutlined /> {v.employerPhone}
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Alert
        type="info"
        showIcon
        data-testid="free-note"
        title="求职登记、推荐介绍免费"
        description={
          <>
            想应聘这个岗位，可以直接联系招聘单位；也可以带上身份证到就近的街道（乡镇）劳动保障事务所或公共就业服务机构，免费办理求职登记，由工作人员免费推荐介绍并开具介绍信。公共就业服务机构的
            {freeServices.join('、')}均不收取任何费用，如遇收费请拨打 12333 反映。
          </>
        }
      />
    </Space>
  );
}

/** 投递 for a signed-in seeker; a link to sign in for a visitor; nothing for an employer. */
function ApplyBar({ target }: { target: ApplyTarget }) {
  const { account } = usePublicAccount();
  const here = useLocation().pathname;
  if (account === undefined || account?.kind === 'employer') return null;
  if (!account) {
    return (
      <div style={{ marginTop: 12 }} data-testid="apply-login">
        <Link to={loginLink(here)}>
          <Button icon={<LoginOutlined />}>登录后在线投递</Button>
        </Link>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          求职者注册、投递免费
        </Typography.Text>
      </div>
    );
  }
  return <SeekerApply target={target} />;
}

function SeekerApply({ target }: { target: ApplyTarget }) {
  const applications = useLoad(() => get<Application[]>('/public/me/applications'), []);
  const apply = useApply(applications.data, applications.reload);
  return <div style={{ marginTop: 12 }}>{apply.button(target, 'large')}</div>;
}
