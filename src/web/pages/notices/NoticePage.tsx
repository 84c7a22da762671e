// One notice at /notices/:id (JOB-8): its text and sources as the public will read them, its
// trail (written, submitted, reviewed, published, withdrawn) and what the viewer may do next:
// edit or submit a draft, approve or return a submitted one (not one they wrote), withdraw a
// published one with a reason.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, List, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  EyeOutlined,
  FileTextOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { noticeAuthorRoles, noticeReviewerRoles } from '../../../shared/notices.js';
import { get, post } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { CategoryTag, NoticeStatusTag, validityText } from './noticeLabels.js';
import type { Notice, NoticeSource } from './types.js';

type Dialog = 'approve' | 'return' | 'withdraw' | null;

/** The page. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { data: notice, error, reload } = useLoad(() => get<Notice>(`/notices/${id}`), [id]);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!notice) return <Skeleton active />;
  return <NoticeView notice={notice} reload={reload} />;
}

function NoticeView({ notice: n, reload }: { notice: Notice; reload(): void }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isAuthor = hasRole(user, ...noticeAuthorRoles);
  const isReviewer = hasRole(user, ...noticeReviewerRoles);
  const wrote = n.contributors.includes(user.username);
  const onBoard = n.status === 'published';

  const submit = async () => {
    setProblem(null);
    try {
      await post(`/notices/${n.id}/submit`);
      message.success('已提交审核');
      reload();
    } catch (err) {
      setProblem(errorText(err));
    }
  };

  const actions = (
    <Space wrap>
      {n.status === 'draft' && isAuthor && (
        <>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/notices/${n.id}/edit`)}>
            修改
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={() => void submit()}>
            提交审核
          </Button>
        </>
      )}
      {n.status === 'submitted' && isReviewer && (
        <Tooltip title={wrote ? '您撰写或修改过这则公告，须由其他审核员审核（双人复核）' : undefined}>
          <Space>
            <Button type="primary" icon={<CheckOutlined />} disabled={wrote} onClick={() => setDialog('approve')}>
              审核通过并发布
            </Button>
            <Button danger icon={<RollbackOutlined />} disabled={wrote} onClick={() => setDialog('return')}>
              退回修改
            </Button>
          </Space>
        </Tooltip>
      )}
      {['published', 'scheduled', 'expired'].includes(n.status) && (isAuthor || isReviewer) && (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('withdraw')}>
          撤回
        </Button>
      )}
      {onBoard && (
        <Link to={`/jobs/notices/${n.id}`} target="_blank">
          <Button icon={<EyeOutlined />}>查看公开页</Button>
        </Link>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={n.status === 'submitted' && isReviewer ? '/notices/review' : '/notices'}>
        <ArrowLeftOutlined /> 返回列表
      </Link>
      {problem && <Alert type="error" showIcon closable title={problem} onClose={() => setProblem(null)} />}
      {n.status === 'draft' && n.reviewedAt && (
        <Alert
          type="warning"
          showIcon
          title={`${n.reviewedByName ?? n.reviewedBy} 于 ${formatDateTime(n.reviewedAt)} 退回`}
          description={`退回原因：${n.reviewComment ?? ''}`}
        />
      )}
      {n.status === 'withdrawn' && (
        <Alert
          type="error"
          showIcon
          title={`已于 ${formatDateTime(n.withdrawnAt)} 撤回`}
          description={`撤回原因：${n.withdrawReason ?? ''}`}
        />
      )}
      {n.status === 'submitted' && isReviewer && wrote && (
        <Alert type="info" showIcon title="您撰写或修改过这则公告，不能自己审核发布；请由其他审核员审核（双人复核）" />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            title={
              <Space wrap>
                <span data-testid="notice-title">{n.title}</span>
                <CategoryTag category={n.category} />
                <NoticeStatusTag notice={n} />
              </Space>
            }
            extra={actions}
          >
            <Typography.Paragraph
              className="notice-body"
              data-testid="notice-body"
              style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.9 }}
            >
              {n.body}
            </Typography.Paragraph>
            <Typography.Title level={5}>政策依据</Typography.Title>
            <SourcesList sources={n.sources} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="发布信息">
            <Descriptions column={1} size="small" data-testid="notice-trail">
              <Descriptions.Item label="适用地区">{n.regionName ?? n.regionCode}</Descriptions.Item>
              <Descriptions.Item label="发布机构">{n.unitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="有效期">{validityText(n)}</Descriptions.Item>
              <Descriptions.Item label="撰写">
                {n.createdByName}（{n.createdBy}） {formatDateTime(n.createdAt)}
              </Descriptions.Item>
              {n.contributors.length > 1 && <Descriptions.Item label="修改人">{n.contributors.slice(1).join('、')}</Descriptions.Item>}
              <Descriptions.Item label="提交审核">{formatDateTime(n.submittedAt) || '—'}</Descriptions.Item>
              <Descriptions.Item label="审核">
                {n.reviewedBy ? `${n.reviewedByName ?? ''}（${n.reviewedBy}） ${formatDateTime(n.reviewedAt)}` : '—'}
              </Descriptions.Item>
              {n.reviewComment && n.status !== 'draft' && <Descriptions.Item label="审核意见">{n.reviewComment}</Descriptions.Item>}
              <Descriptions.Item label="发布日期">{n.publishedOn ?? '—'}</Descriptions.Item>
              {n.withdrawnAt && (
                <Descriptions.Item label="撤回">
                  {n.withdrawnBy} {formatDateTime(n.withdrawnAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <DecisionDialog notice={n} dialog={dialog} onClose={() => setDialog(null)} onDone={reload} />
    </Space>
  );
}

/** The documents a notice rests on, listed as the board lists them. */
function SourcesList({ sources }: { sources: NoticeSource[] }) {
  if (sources.length === 0) return <Typography.Text type="secondary">未注明依据文件</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="notice-sources"
      dataSource={sources}
      renderItem={(s) => (
        <List.Item>
          <List.Item.Meta
            avatar={<FileTextOutlined style={{ fontSize: 18, color: '#1677ff' }} />}
            title={
              s.url ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  《{s.title}》
                </a>
              ) : (
                `《${s.title}》`
              )
            }
            description={`发文机关：${s.issuer} · 文号：${s.documentNumber ?? '无'} · 发文日期：${s.date ?? '未填'}`}
          />
        </List.Item>
      )}
    />
  );
}

const dialogs = {
  approve: { title: '审核通过并发布', ok: '通过并发布', done: '已发布，公告即时在公开栏显示' },
  return: { title: '退回修改', ok: '退回', done: '已退回，撰写人修改后可重新提交' },
  withdraw: { title: '撤回公告', ok: '撤回', done: '已撤回，公告不再在公开栏显示' },
} as const;

/** 通过 / 退回 (with the reviewer's comment) and 撤回 (with the reason). */
function DecisionDialog({ notice, dialog, onClose, onDone }: { notice: Notice; dialog: Dialog; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const d = dialog ? dialogs[dialog] : dialogs.approve;
  return (
    <FormModal<{ text?: string }>
      title={`${d.title}：${notice.title}`}
      open={dialog !== null}
      onClose={onClose}
      okText={d.ok}
      rename={{ comment: 'text', reason: 'text' }}
      onSubmit={async (v) => {
        const text = v.text?.trim() || undefined;
        if (dialog === 'withdraw') await post(`/notices/${notice.id}/withdraw`, { reason: text });
        else await post(`/notices/${notice.id}/review`, { decision: dialog, comment: text });
        message.success(d.done);
        onDone();
      }}
    >
      {dialog === 'approve' && (
        <Typography.Paragraph type="secondary">
          请核对正文和依据文件（标题、文号、发文机关）无误。发布后公告不能修改，如需更正只能撤回后重新发布。
        </Typography.Paragraph>
      )}
      <Form.Item
        name="text"
        label={dialog === 'withdraw' ? '撤回原因' : dialog === 'return' ? '退回原因' : '审核意见'}
        rules={
          dialog === 'approve'
            ? [{ max: 500, message: '最多 500 个字' }]
            : [
                { required: true, whitespace: true, message: dialog === 'withdraw' ? '请填写撤回原因' : '请写明应如何修改' },
                { max: dialog === 'withdraw' ? 200 : 500, message: `最多 ${dialog === 'withdraw' ? 200 : 500} 个字` },
                ...(dialog === 'withdraw' ? [{ min: 2, message: '至少 2 个字' }] : []),
              ]
        }
      >
        <Input.TextArea
          rows={3}
          autoFocus
          placeholder={
            dialog === 'withdraw' ? '如：政策已调整，更正后重新发布' : dialog === 'return' ? '如：请补充申领地点和咨询电话' : '可不填'
          }
        />
      </Form.Item>
    </FormModal>
  );
}
