// 补贴名册 of public-welfare posts (AID-4): for a month, each placement that ran in it with its days
// on the post, the post subsidy and the social-insurance subsidy in yuan (a part month by days),
// the totals, a warning naming the areas whose subsidy parameters are not set, and an Excel export.
import { Alert, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../../api.js';
import { MonthToolbar, useMonth } from '../../components/MonthToolbar.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { ListEmpty } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useLoad } from '../../hooks.js';
import { postsPath, type SubsidyList } from './postTypes.js';

type Row = SubsidyList['items'][number];

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen as yuan with two decimals; null (the area has no parameter) as 未设定. */
const yuan = (fen: number | null) =>
  fen === null ? <Typography.Text type="warning">未设定</Typography.Text> : <span className="num">{yuanFormat.format(fen / 100)}</span>;

/**
 * A total: 未设定 when no row has the amount, else the sum with a note when some rows lack it (their
 * area has no parameter), so a partial sum is never read as the whole.
 */
function TotalAmount({ fen, rows, field }: { fen: number; rows: Row[]; field: 'postSubsidyFen' | 'socialInsuranceSubsidyFen' }) {
  const unset = rows.filter((r) => r[field] === null).length;
  if (unset === rows.length) return yuan(null);
  return (
    <Space size={4} wrap={false}>
      {unset > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12, fontWeight: 'normal' }}>
          （{unset} 人未设定，不含）
        </Typography.Text>
      )}
      {yuan(fen)}
    </Space>
  );
}

/** The card. */
export function SubsidyListCard() {
  const user = useUser();
  const { month, setMonth, key } = useMonth();
  const list = useLoad(() => get<SubsidyList>(`${postsPath}/subsidy-list`, { month: key }), [key]);
  const data = list.data?.month === key ? list.data : undefined;
  const rows = data?.items ?? [];
  return (
    <Card
      title="公益性岗位补贴名册"
      data-testid="subsidy-list"
      extra={
        <MonthToolbar
          label="名册月份"
          month={month}
          onChange={setMonth}
          exportTo={{ path: `${postsPath}/subsidy-list`, query: { month: key }, fileName: `公益性岗位补贴名册-${key}` }}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        列出当月在岗的安置人员。岗位补贴、社会保险补贴按岗位所在区域的月补贴标准（政策参数）计发，不满整月的按在岗天数折算，金额单位为元。
      </Typography.Paragraph>
      {data && data.unsetRegions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="unset-regions"
          title={
            <span>
              以下区域尚未设定公益性岗位补贴或社会保险补贴标准，相应金额暂无法计算：
              {data.unsetRegions.map((code, i) => (
                <span key={code}>
                  {i > 0 && '、'}
                  <RegionLabel prefix={code} />
                </span>
              ))}
            </span>
          }
          description={
            hasRole(user, 'admin') ? (
              <span>
                请在<Link to="/params">政策参数</Link>中设定“公益性岗位补贴标准”和“社会保险补贴标准”。
              </span>
            ) : (
              '请联系系统管理员在政策参数中设定补贴标准。'
            )
          }
        />
      )}
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <ListEmpty loading={list.loading && !data} failed={!!list.error} text="该月管辖范围内没有公益性岗位在岗人员" />,
        }}
        columns={[
          { title: '姓名', dataIndex: 'personName', render: (n: string, r) => <PersonLink personId={r.personId}>{n}</PersonLink> },
          { title: '身份证号', dataIndex: 'idNumber', render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
          { title: '岗位', dataIndex: 'postName' },
          { title: '开发单位', dataIndex: 'sponsor' },
          { title: '上岗日期', dataIndex: 'startDate' },
          { title: '退出日期', dataIndex: 'exitedOn', render: (d: string | null) => d ?? '—' },
          { title: '本月在岗天数', dataIndex: 'days', align: 'right' },
          { title: '岗位补贴（元）', dataIndex: 'postSubsidyFen', align: 'right', render: yuan },
          { title: '社保补贴（元）', dataIndex: 'socialInsuranceSubsidyFen', align: 'right', render: yuan },
        ]}
        summary={() =>
          data && rows.length > 0 ? (
            <Table.Summary.Row data-testid="subsidy-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} colSpan={5}>
                {data.total.persons} 人
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
              <Table.Summary.Cell index={7} align="right">
                <Typography.Text strong>
                  <TotalAmount fen={data.total.postSubsidyFen} rows={rows} field="postSubsidyFen" />
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8} align="right">
                <Typography.Text strong>
                  <TotalAmount fen={data.total.socialInsuranceSubsidyFen} rows={rows} field="socialInsuranceSubsidyFen" />
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
