// 我的 for an employer (JOB-7): its vacancies in every state with the review comments and the
// screening notes, 发布岗位 (every posting waits for a reviewer), and who applied online.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Empty, List, Modal, Result, Space, Typography } from 'antd';
import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { Vacancy } from '../../types.js';
import { FlagList, FlagSummary } from '../vacancies/ScreeningFlags.js';
import { VacancyStatusTag } from '../vacancies/vacancyDisplay.js';
import { placeText, wageText } from './boardFormat.js';
import { PostVacancyForm } from './PostVacancyForm.js';
import type { Applicant, PublicAccount } from './types.js';

/** The employer's page; `account.employer` is set. */
export function EmployerHome({ account }: { account: PublicAccount }) {
  const employer = account.employer!;
  const vacancies = useLoad(() => get<Vacancy[]>('/public/me/vacancies'), []);
  const [posting, setPosting] = useState(false);
  const [posted, setPosted] = useState<Vacancy | null>(null);
  const [applicantsOf, setApplicantsOf] = useState<Vacancy | null>(null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="单位信息" size="small">
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small" data-testid="employer-profile">
          <Descriptions.Item label="单位名称">{employer.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{employer.creditCode}</Descriptions.Item>
          <Descriptions.Item label="账号手机号">{account.phone}</Descriptions.Item>
        </Descriptions>
      </Card>
      {posted && <PostedResult vacancy={posted} onClose={() => setPosted(null)} />}
      {posting ? (
        <PostVacancyForm
          regionCode={employer.regionCode}
          onCancel={() => setPosting(false)}
          onPosted={(v) => {
            setPosting(false);
            setPosted(v);
            vacancies.reload();
          }}
        />
      ) : (
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={() => {
            setPosted(null);
            setPosting(true);
          }}
        >
          发布岗位
        </Button>
      )}
      <Card title="我的岗位" data-testid="my-vacancies">
        {vacancies.error ? (
          <Alert type="error" showIcon title={errorText(vacancies.error)} action={<Button onClick={vacancies.reload}>重试</Button>} />
        ) : (
          <List
            loading={vacancies.loading}
            dataSource={vacancies.data ?? []}
            rowKey="id"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有发布岗位" /> }}
            renderItem={(v) => <VacancyItem vacancy={v} onApplicants={() => setApplicantsOf(v)} />}
          />
        )}
      </Card>
      {applicantsOf && <ApplicantsModal vacancy={applicantsOf} onClose={() => setApplicantsOf(null)} />}
    </Space>
  );
}

/** What happens next, with the screening notes the server found in the new vacancy. */
function PostedResult({ vacancy, onClose }: { vacancy: Vacancy; onClose(): void }) {
  const flags = vacancy.screening.flags;
  return (
    <Card data-testid="posted">
      <Result
        status={flags.length ? 'warning' : 'success'}
        title={`「${vacancy.title}」已提交，等待审核`}
        subTitle="为防止就业歧视和虚假招聘，每个岗位都由公共就业服务机构的工作人员审核，通过后在「找工作」公开。审核结果和意见显示在下面的「我的岗位」里。"
        extra={<Button onClick={onClose}>知道了</Button>}
        style={{ padding: '8px 0' }}
      />
      {flags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="自动审查发现以下内容可能构成就业歧视，审核时工作人员会请您修改："
          description={<FlagList flags={flags} />}
        />
      )}
    </Card>
  );
}

function VacancyItem({ vacancy: v, onApplicants }: { vacancy: Vacancy; onApplicants(): void }) {
  const flags = v.screening.flags;
  return (
    <List.Item data-testid="my-vacancy" style={{ display: 'block' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: '4px 12px', alignItems: 'baseline' }}>
        <Space size={8} wrap>
          {v.status === 'published' ? (
            <Link to={`/jobs/${v.id}`} className="board-card-title">
              {v.title}
            </Link>
          ) : (
            <span className="board-card-title">{v.title}</span>
          )}
          <VacancyStatusTag status={v.status} />
        </Space>
        <span className="board-wage">{wageText(v.wageMin, v.wageMax)}</span>
      </div>
      <Typography.Text type="secondary">
        {placeText(v)} · 招 {v.headcount} 人 · 有效期至 {v.validUntil} · 提交于 {formatDateTime(v.createdAt)}
      </Typography.Text>
      {v.reviewComment && (
        <Alert
          type={v.status === 'rejected' ? 'error' : 'info'}
          showIcon
          title={`审核意见：${v.reviewComment}`}
          style={{ marginTop: 8 }}
          data-testid="review-comment"
        />
      )}
      {flags.length > 0 && v.status !== 'published' && (
        <div style={{ marginTop: 8 }} data-testid="my-vacancy-flags">
          <Typography.Text>就业歧视审查提示：</Typography.Text>
          <FlagSummary flags={flags} />
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <Button onClick={onApplicants}>查看投递</Button>
      </div>
    </List.Item>
  );
}

/** Who applied online; name and phone are shown because they applied to this employer. */
function ApplicantsModal({ vacancy, onClose }: { vacancy: Vacancy; onClose(): void }) {
  const { data, error, loading } = useLoad(() => get<Applicant[]>(`/public/me/vacancies/${vacancy.id}/applications`), [vacancy.id]);
  return (
    <Modal open title={`「${vacancy.title}」的投递`} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={640}>
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : (
        <List
          loading={loading}
          dataSource={data ?? []}
          rowKey="id"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有人投递" /> }}
          renderItem={(a) => (
            <List.Item data-testid="applicant">
              <List.Item.Meta
                title={
                  <Space wrap>
                    {a.name}
                    {a.phone && (
                      <a href={`tel:${a.phone}`}>
                        <PhoneOutlined /> {a.phone}
                      </a>
                    )}
                  </Space>
                }
                description={
                  <>
                    {[a.education, a.skills.join('、')].filter(Boolean).join(' · ') || '—'}
                    {a.message && <div>留言：{a.message}</div>}
                    <div>投递于 {formatDateTime(a.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        求职者的个人信息仅用于本次招聘，请勿转作他用。
      </Typography.Paragraph>
    </Modal>
  );
}
