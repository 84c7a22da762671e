// 政策公告 on the public board (JOB-8): notices the bureau has reviewed and published, valid
// today, searched in title and body and filtered by district and category. The search lives in
// the URL (?q=&district=&category=&page=), so a list can be passed on as a link.
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Pagination, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, BankOutlined } from '@ant-design/icons';
import { noticeCategoryNames } from '../../../shared/notices.js';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import type { Paged } from '../../types.js';
import { BoardDistrictSelect, BoardSearchInput } from './BoardSearchBox.js';
import type { PublicNotice } from './noticeTypes.js';

const categoryNames: Record<string, string> = noticeCategoryNames;
const categoryColors: Record<string, string> = { employment_policy: 'blue', subsidy: 'volcano', recruitment: 'green', training: 'purple' };
const pageSize = 10;

interface NoticeSearch {
  q?: string;
  district?: string;
  category?: string;
  page: number;
}

function searchOf(params: URLSearchParams): NoticeSearch {
  const search: NoticeSearch = { page: 1 };
  const q = params.get('q')?.trim().slice(0, 40);
  if (q) search.q = q;
  const district = params.get('district');
  if (district && /^\d{6}$/.test(district)) search.district = district;
  const category = params.get('category');
  if (category && category in categoryNames) search.category = category;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) search.page = page;
  return search;
}

function paramsOf(search: NoticeSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.district) params.set('district', search.district);
  if (search.category) params.set('category', search.category);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** 就业政策 / 补贴申领 … as a coloured tag. */
export function NoticeCategoryTag({ category }: { category: string }) {
  return <Tag color={categoryColors[category]}>{categoryNames[category] ?? category}</Tag>;
}

/** The list page. */
export function BoardNoticesPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const search = searchOf(params);
  const key = paramsOf(search).toString();
  const { data, loading, error, reload } = useLoad(
    () =>
      get<Paged<PublicNotice>>('/public/notices', {
        q: search.q,
        regionCode: search.district,
        category: search.category,
        page: search.page,
        pageSize,
      }),
    [key],
  );
  const go = (next: NoticeSearch) => {
    setParams(paramsOf(next));
    window.scrollTo({ top: 0 });
  };
  const filtered = !!(search.q || search.district || search.category);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        政策公告
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        就业政策、补贴申领、招聘活动和培训信息，由人力资源和社会保障部门审核后发布，注明政策依据文件。
      </Typography.Paragraph>
      <NoticeFilters search={search} onSearch={go} />
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={reload}>重试</Button>} />
      ) : !data ? (
        <Skeleton active />
      ) : data.total === 0 ? (
        <Empty
          data-testid="no-notices"
          style={{ padding: '32px 0', background: '#fff', borderRadius: 8, margin: 0 }}
          description={search.q ? `没有找到与“${search.q}”相关的公告，换个词试试（如“失业保险”“培训”）` : '暂无符合条件的公告'}
        >
          {filtered && (
            <Button type="primary" onClick={() => go({ page: 1 })}>
              看全部公告
            </Button>
          )}
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="notice-count" style={{ opacity: loading ? 0.5 : 1 }}>
            {search.q ? `与“${search.q}”相关的公告` : filtered ? '符合条件的公告' : '全部公告'}共 {data.total} 条，按发布时间排列
          </Typography.Paragraph>
          <Space orientation="vertical" size={12} style={{ width: '100%', opacity: loading ? 0.5 : 1 }}>
            {data.items.map((n) => (
              <NoticeCard key={n.id} notice={n} from={location.search} />
            ))}
          </Space>
          {data.total > pageSize && (
            <Pagination
              style={{ marginTop: 20, justifyContent: 'center' }}
              current={search.page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger={false}
              showTotal={(total) => `共 ${total} 条`}
              responsive
              onChange={(page) => go({ ...search, page })}
            />
          )}
        </>
      )}
    </>
  );
}

/** The search box, district and category; the words apply on Enter, choices at once. */
function NoticeFilters({ search, onSearch }: { search: NoticeSearch; onSearch(next: NoticeSearch): void }) {
  const [words, setWords] = useState(search.q ?? '');
  const [shown, setShown] = useState(search.q);
  if (shown !== search.q) {
    setShown(search.q);
    setWords(search.q ?? '');
  }
  const apply = (patch: Partial<NoticeSearch>) => onSearch({ ...search, q: words.trim() || undefined, ...patch, page: 1 });
  return (
    <div role="search" style={{ marginBottom: 16 }}>
      <BoardSearchInput
        label="搜索公告"
        placeholder="标题或正文中的词，如：失业保险、创业、公益性岗位"
        words={words}
        onWords={setWords}
        onSearch={(q) => apply({ q })}
      />
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <BoardDistrictSelect placeholder="全市" value={search.district} onChange={(district) => apply({ district })} />
        </Col>
        <Col xs={12} lg={6}>
          <Select
            aria-label="类别"
            prefix="类别"
            placeholder="全部"
            allowClear
            options={Object.entries(categoryNames).map(([value, label]) => ({ value, label }))}
            value={search.category}
            onChange={(category?: string) => apply({ category })}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
    </div>
  );
}

/** One notice in the list: the whole card opens it. */
function NoticeCard({ notice: n, from }: { notice: PublicNotice; from: string }) {
  return (
    <Link to={`/jobs/notices/${n.id}`} state={{ from }} className="board-card-link" data-testid="notice-card" aria-label={n.title}>
      <Card size="small" hoverable>
        <Space size={[8, 4]} wrap style={{ marginBottom: 4 }}>
          <NoticeCategoryTag category={n.category} />
          {n.regionName && <Tag>{n.regionName}</Tag>}
        </Space>
        <div className="board-card-title" data-testid="notice-title">
          {n.title}
        </div>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 8px' }}>
          {n.excerpt}
        </Typography.Paragraph>
        <Space size={[12, 4]} wrap style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
          {n.publisherName && (
            <span>
              <BankOutlined /> {n.publisherName}
            </span>
          )}
          <span>
            <CalendarOutlined /> {n.publishedOn} 发布
          </span>
          {n.validUntil && <span>有效期至 {n.validUntil}</span>}
        </Space>
      </Card>
    </Link>
  );
}
