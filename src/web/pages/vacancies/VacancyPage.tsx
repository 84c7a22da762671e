// 岗位详情 (JOB-2, JOB-3): every field of a vacancy, its status, the screening flags marked in its
// text, the review, and the actions staff may take: 编辑 (back to review), 关闭, 审核, 匹配求职者.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, EditOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { vacancyHoursNames, vacancySourceNames } from '../../labels.js';
import type { Vacancy } from '../../types.js';
import { occupationText } from './OccupationSelect.js';
import { FlagCountTag, VacancyScreening } from './ScreeningFlags.js';
import { VacancyStatusTag, wageText } from './vacancyDisplay.js';
import { CloseVacancyModal, EditVacancyModal, ReviewModal, type ReviewDecision } from './VacancyModals.js';

const none = '—';
const hoursNames: Record<string, string> = vacancyHoursNames;
const sourceNames: Record<string, string> = vacancySourceNames;

/** The fair a vacancy is offered at, by name. */
function FairName({ id }: { id: string }) {
  const fair = useLoad(() => get<{ name: string; date: string }>(`/fairs/${id}`), [id]);
  return <>{fair.data ? `${fair.data.date} ${fair.data.name}` : id}</>;
}

/** The page at /vacancies/:id. */
export function VacancyPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  const loaded = useLoad(() => get<Vacancy>(`/vacancies/${id}`), [id]);
  const [saved, setSaved] = useState<Vacancy>();
  const [dialog, setDialog] = useState<'edit' | 'close' | ReviewDecision | null>(null);

  if (loaded.error)
    return <Alert type="error" showIcon title={errorText(loaded.error)} action={<Link to="/vacancies">返回岗位信息</Link>} />;
  const v = saved?.id === id ? saved : loaded.data?.id === id ? loaded.data : undefined;
  if (!v) return <Spin size="large" />;

  const canChange = hasRole(user, 'job_officer', 'reviewer') && v.status !== 'closed';
  const canReview = hasRole(user, 'reviewer') && v.status === 'pending_review';
  // The roles routes.tsx gives the 匹配求职者 page (/vacancies/:id/matches).
  const canMatch = hasRole(user, 'clerk', 'job_officer', 'leader', 'admin');
  const done = (next: Vacancy) => {
    setSaved(next);
    setDialog(null);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Space orientation="vertical" size={4}>
            <Space size={12} align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="vacancy-title">
                {v.title}
              </Typography.Title>
              <VacancyStatusTag status={v.status} />
              {v.screening.flags.length > 0 && <FlagCountTag flags={v.screening.flags} />}
            </Space>
            <Typography.Text>
              <Link to={`/employers/${v.employerId}`}>{v.employerName}</Link>
              <Typography.Text type="secondary">
                {' '}
                · {wageText(v.wageMin, v.wageMax)} · 招聘 {v.headcount} 人 · 有效期至 {v.validUntil}
              </Typography.Text>
            </Typography.Text>
          </Space>
          <Space wrap>
            {canReview && (
              <>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')}>
                  通过
                </Button>
                <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('reject')}>
                  驳回
                </Button>
              </>
            )}
            {canChange && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                编辑
              </Button>
            )}
            {canChange && (
              <Button icon={<StopOutlined />} onClick={() => setDialog('close')}>
                关闭
              </Button>
            )}
            {/* A real link (opens in a new tab too), routed inside the app on a plain click. */}
            {canMatch && (
              <Button
                icon={<TeamOutlined />}
                href={`/vacancies/${v.id}/matches`}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  navigate(`/vacancies/${v.id}/matches`);
                }}
              >
                匹配求职者
              </Button>
            )}
          </Space>
        </div>
      </Card>
      {v.status === 'expired' && (
        <Alert
          type="warning"
          showIcon
          data-testid="expired-notice"
          title={`有效期已于 ${v.validUntil} 届满，岗位已从招聘信息中撤下，也不再参与匹配和推荐`}
          description={
            canChange
              ? '如仍需招聘，请点“编辑”把有效期延至今天以后：修改后岗位重新经过就业歧视审查和审核，审核通过后再次发布。'
              : '如仍需招聘，请由经办人员修改有效期后重新提交审核。'
          }
        />
      )}
      {v.status === 'rejected' && v.reviewComment && (
        <Alert
          type="error"
          showIcon
          title="审核未通过"
          description={`审核意见：${v.reviewComment.replace(/[。.]$/, '')}。修改岗位后将重新提交审核。`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="岗位信息">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'employer',
                    label: '用人单位',
                    span: 2,
                    children: <Link to={`/employers/${v.employerId}`}>{v.employerName}</Link>,
                  },
                  { key: 'occupation', label: '职业（工种）', span: 2, children: occupationText(v.occupation) },
                  { key: 'headcount', label: '招聘人数', children: `${v.headcount} 人${v.filled ? `（已录用 ${v.filled} 人）` : ''}` },
                  { key: 'wage', label: '月工资', children: wageText(v.wageMin, v.wageMax) },
                  { key: 'education', label: '学历要求', children: v.education || '不限' },
                  { key: 'hours', label: '用工形式', children: hoursNames[v.hours] ?? v.hours },
                  {
                    key: 'skills',
                    label: '技能要求',
                    span: 2,
                    children: v.skills.length ? (
                      <Space size={[0, 4]} wrap>
                        {v.skills.map((s) => (
                          <Tag key={s}>{s}</Tag>
                        ))}
                      </Space>
                    ) : (
                      none
                    ),
                  },
                  {
                    key: 'place',
                    label: '工作地点',
                    span: 2,
                    children: [v.regionName ?? v.regionCode, v.address].filter(Boolean).join(' '),
                  },
                  { key: 'validUntil', label: '有效期至', children: v.validUntil },
                  { key: 'source', label: '信息来源', children: sourceNames[v.source] ?? v.source },
                  { key: 'fair', label: '招聘会', span: 2, children: v.fairId ? <FairName id={v.fairId} /> : none },
                  { key: 'created', label: '登记', span: 2, children: `${v.createdBy}，${formatDateTime(v.createdAt)}` },
                  { key: 'updated', label: '最后修改', span: 2, children: formatDateTime(v.updatedAt) },
                ]}
              />
            </Card>
            <Card title="审核">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'status', label: '状态', children: <VacancyStatusTag status={v.status} /> },
                  { key: 'published', label: '发布时间', children: v.publishedAt ? formatDateTime(v.publishedAt) : none },
                  { key: 'by', label: '审核人', children: v.reviewedBy ?? none },
                  { key: 'at', label: '审核时间', children: v.reviewedAt ? formatDateTime(v.reviewedAt) : none },
                  {
                    key: 'comment',
                    label: '审核意见',
                    span: 2,
                    children: <span data-testid="review-comment">{v.reviewComment ?? none}</span>,
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={11}>
          <Card title="就业歧视审查" data-testid="vacancy-screening">
            <VacancyScreening vacancy={v} />
          </Card>
        </Col>
      </Row>
      <EditVacancyModal vacancy={dialog === 'edit' ? v : null} onClose={() => setDialog(null)} onSaved={done} />
      <CloseVacancyModal vacancy={dialog === 'close' ? v : null} onClose={() => setDialog(null)} onDone={done} />
      <ReviewModal
        vacancy={dialog === 'approve' || dialog === 'reject' ? v : null}
        decision={dialog === 'reject' ? 'reject' : 'approve'}
        onClose={() => setDialog(null)}
        onDone={done}
      />
    </Space>
  );
}
