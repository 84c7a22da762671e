// 找工作 (JOB-7): published vacancies with Chinese search (一两个字的词也可以) and filters, no
// login. The search lives in the URL, so a list of results can be sent to someone as a link.
import { useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Button, Col, Empty, Pagination, Row, Skeleton, Typography } from 'antd';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import type { Paged } from '../../types.js';
import { JobFilters } from './JobFilters.js';
import { apiQueryOf, hasCriteria, pageSize, paramsOfSearch, searchOfParams, type JobSearch } from './jobSearch.js';
import type { PublicVacancy } from './types.js';
import { VacancyCard } from './VacancyCard.js';

/** The search page. */
export function JobSearchPage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const search = searchOfParams(params);
  const key = paramsOfSearch(search).toString();
  const { data, loading, error, reload } = useLoad(
    () => get<Paged<PublicVacancy> & { totalCapped: boolean }>('/public/vacancies', apiQueryOf(search)),
    [key],
  );
  // The board counts up to 1,001 hits: more reads as "1000+".
  const count = data?.totalCapped ? '1000+' : String(data?.total ?? 0);
  const go = (next: JobSearch) => {
    setParams(paramsOfSearch(next));
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        找工作
      </Typography.Title>
      <JobFilters search={search} onSearch={go} />
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} action={<Button onClick={reload}>重试</Button>} />
      ) : !data ? (
        <Skeleton active />
      ) : data.total === 0 ? (
        <NoResults search={search} onClear={() => go({ page: 1 })} />
      ) : data.items.length === 0 ? (
        // A shared link to a page that no longer exists (fewer results now).
        <Empty description={`第 ${search.page} 页没有岗位了`}>
          <Button onClick={() => go({ ...search, page: 1 })}>回到第一页</Button>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="result-count" style={{ opacity: loading ? 0.5 : 1 }}>
            {search.q ? `与“${search.q}”相关的岗位` : hasCriteria(search) ? '符合条件的岗位' : '全部岗位'}共 {count} 个，按发布时间排列
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ opacity: loading ? 0.5 : 1 }}>
            {data.items.map((v) => (
              <Col key={v.id} xs={24} md={12}>
                <VacancyCard vacancy={v} from={location.search} />
              </Col>
            ))}
          </Row>
          {data.total > pageSize && (
            <Pagination
              style={{ marginTop: 20, justifyContent: 'center' }}
              current={search.page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger={false}
              showTotal={() => `共 ${count} 个`}
              responsive
              onChange={(page) => go({ ...search, page })}
            />
          )}
        </>
      )}
    </>
  );
}

/** The empty state: what was asked, and what to try instead. */
function NoResults({ search, onClear }: { search: JobSearch; onClear(): void }) {
  return (
    <Empty
      data-testid="no-results"
      style={{ padding: '32px 0', background: '#fff', borderRadius: 8, margin: 0 }}
      description={
        <>
          <div style={{ fontSize: 16, color: 'rgba(0,0,0,0.85)' }}>
            {search.q ? `没有找到与“${search.q}”相关的岗位` : '没有符合条件的岗位'}
          </div>
          <div style={{ marginTop: 4 }}>
            换个说法试试（如“焊工”“会计”“保洁”），或减少筛选条件。也可以到就近的公共就业服务机构免费办理求职登记，有合适岗位时由工作人员推荐。
          </div>
        </>
      }
    >
      {hasCriteria(search) && (
        <Button type="primary" onClick={onClear}>
          清空条件，看全部岗位
        </Button>
      )}
    </Empty>
  );
}
