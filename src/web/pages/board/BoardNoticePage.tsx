// One policy notice on the public board (JOB-8): the whole text in paragraphs (plain text, never
// HTML), who published it and when, how long it applies, and the documents it rests on with
// their 文号, so a reader can check it. Withdrawn, expired or unknown notices read as one message.
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, List, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import { ApiError, get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import { NoticeCategoryTag } from './BoardNoticesPage.js';
import type { PublicNoticeDetail } from './noticeTypes.js';

/** The body's paragraphs: every line is one (items of a list too), blank lines are only spacing. */
function paragraphsOf(body: string): string[] {
  return body
    .split(/\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The page. */
export function BoardNoticePage() {
  const { id = '' } = useParams();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const { data: n, error, reload } = useLoad(() => get<PublicNoticeDetail>(`/public/notices/${encodeURIComponent(id)}`), [id]);
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Result
        status="404"
        title="该公告已过期或已撤回"
        subTitle="过了有效期或被发布机构撤回的公告不再公开。请查看其他正在施行的政策公告。"
        extra={
          <Link to="/jobs/notices">
            <Button type="primary">政策公告</Button>
          </Link>
        }
        data-testid="notice-gone"
      />
    );
  }
  if (error) return <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={reload}>重试</Button>} />;
  if (!n) return <Skeleton active />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={`/jobs/notices${from ?? ''}`}>
        <ArrowLeftOutlined /> {from ? '返回公告列表' : '全部政策公告'}
      </Link>
      <Card>
        <Space size={[8, 4]} wrap>
          <NoticeCategoryTag category={n.category} />
        </Space>
        <Typography.Title level={3} style={{ margin: '8px 0 12px' }} data-testid="notice-title">
          {n.title}
        </Typography.Title>
        <Descriptions column={{ xs: 1, sm: 2, md: 4 }} size="small" data-testid="notice-meta">
          <Descriptions.Item label="发布机构">{n.publisherName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="适用地区">{n.regionName ?? n.regionCode}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{n.publishedOn}</Descriptions.Item>
          <Descriptions.Item label="有效期">
            {n.validUntil ? `${n.validFrom ?? n.publishedOn} 至 ${n.validUntil}` : '长期有效'}
          </Descriptions.Item>
        </Descriptions>
        <div className="board-notice-body" data-testid="notice-body">
          {paragraphsOf(n.body).map((p, i) => (
            <Typography.Paragraph key={i} className="board-pre">
              {p}
            </Typography.Paragraph>
          ))}
        </div>
      </Card>
      <Card title="政策依据" data-testid="notice-sources">
        {n.sources.length === 0 ? (
          <Typography.Text type="secondary">本公告未注明依据文件。</Typography.Text>
        ) : (
          <List
            dataSource={n.sources}
            renderItem={(s) => (
              <List.Item data-testid="notice-source">
                <List.Item.Meta
                  avatar={<FileTextOutlined style={{ fontSize: 20, color: '#1f5fbf' }} />}
                  title={
                    s.url ? (
                      <a href={s.url} target="_blank" rel="noopener noreferrer">
                        《{s.title}》
                      </a>
                    ) : (
                      `《${s.title}》`
                    )
                  }
                  description={[s.issuer, s.documentNumber, s.date && `${s.date} 发布`].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Alert
        type="info"
        showIcon
        title="政策咨询"
        description="对公告内容有疑问，或想了解自己是否符合条件，请拨打 12333，或到就近的街道（乡镇）劳动保障事务所、公共就业服务机构咨询，咨询免费。"
      />
    </Space>
  );
}
