// The list page every paged resource uses: a search form, a paged table on the API's
// {items,total,page,pageSize}, an Excel export of the same filters, and room for action buttons.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Empty, Form, Space, Table, type TableProps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { get, type Query } from '../api.js';
import { useLoad } from '../hooks.js';
import type { Paged } from '../types.js';
import { ExportButton } from './ExportButton.js';
import { errorText } from './formErrors.js';

export interface PagedTableProps<T, F> {
  /** API list path, e.g. "/staff". */
  path: string;
  columns: NonNullable<TableProps<T>['columns']>;
  rowKey: string | ((row: T) => string);
  /** Form.Items of the search form; their values go through `toQuery`. */
  searchFields?: ReactNode;
  toQuery?: (values: F) => Query;
  /** File name of the Excel export; no export button without it. */
  exportName?: string;
  /** Buttons beside the search (新建 ...). */
  actions?: ReactNode;
  expandable?: TableProps<T>['expandable'];
  /** Change it to reload the current page (after a create or edit). */
  reloadKey?: number;
  title?: ReactNode;
  /** Search values to start with (e.g. from the address bar). */
  initialValues?: Partial<F>;
  /** Filters set outside the search form (a tab, say); a change goes back to page 1. */
  extraQuery?: Query;
  /**
   * Runs before a search; resolve `false` to skip the list search (the page handled the values
   * itself, e.g. looked a full ID number up without putting it in a URL).
   */
  beforeSearch?: (values: F) => boolean | Promise<boolean>;
  /** Content between the toolbar and the table (tabs, summary). */
  header?: ReactNode;
  /** What an empty list says: what it lists and how a row gets into it (default: no records). */
  emptyText?: ReactNode;
}

/** True when the search form narrows the list (a value other than empty). */
const isFiltered = (filters: Query) => Object.values(filters).some((v) => v !== undefined && v !== '' && v !== null);

/**
 * The body of an empty table: nothing while the first page loads (the spinner says it), else what
 * the list holds and how to get rows into it, and a word on the filters when they narrow it.
 */
export function ListEmpty({
  loading,
  failed,
  filtered,
  text,
}: {
  loading: boolean;
  failed?: boolean;
  filtered?: boolean;
  text?: ReactNode;
}) {
  if (loading) return <div style={{ height: 96 }} data-testid="list-loading" aria-busy="true" />;
  if (failed) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未能加载，请刷新重试" />;
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span data-testid="list-empty">
          {filtered ? '没有符合查询条件的记录，可修改条件或点“重置”查看全部。' : (text ?? '暂无记录')}
          {filtered && text ? (
            <>
              <br />
              {text}
            </>
          ) : null}
        </span>
      }
    />
  );
}

/** A searchable, paged, exportable table of an API list. */
export function PagedTable<T extends object, F extends object = Record<string, unknown>>(props: PagedTableProps<T, F>) {
  const {
    path,
    columns,
    rowKey,
    searchFields,
    toQuery,
    exportName,
    actions,
    expandable,
    reloadKey = 0,
    title,
    initialValues,
    extraQuery,
    beforeSearch,
    header,
    emptyText,
  } = props;
  const [form] = Form.useForm<F>();
  const [formFilters, setFilters] = useState<Query>(() =>
    initialValues ? (toQuery ? toQuery(initialValues as F) : (initialValues as Query)) : {},
  );
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const extraKey = JSON.stringify(extraQuery ?? {});
  const [pagedExtraKey, setPagedExtraKey] = useState(extraKey);
  if (pagedExtraKey !== extraKey) {
    // Adjusting state while rendering (React's documented pattern): a new tab starts at page 1.
    setPagedExtraKey(extraKey);
    setPage(1);
  }
  const filters = useMemo(() => ({ ...formFilters, ...(JSON.parse(extraKey) as Query) }), [formFilters, extraKey]);
  const list = useLoad(() => get<Paged<T>>(path, { ...filters, page, pageSize }), [path, filters, page, pageSize, reloadKey]);

  const search = async (values: F) => {
    if (beforeSearch && !(await beforeSearch(values))) return;
    setFilters(toQuery ? toQuery(values) : (values as Query));
    setPage(1);
  };

  const buttons = (actions || exportName) && (
    <Space wrap>
      {actions}
      {exportName && <ExportButton path={path} query={filters} fileName={exportName} />}
    </Space>
  );

  // Without a search form the buttons sit in the card's head instead of a toolbar row of their own.
  return (
    <Card title={title} extra={searchFields ? undefined : buttons}>
      {searchFields && (
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'flex-start',
            gap: 16,
            marginBottom: 16,
            flexWrap: 'wrap',
          }}
        >
          <Form<F>
            form={form}
            name="search"
            layout="inline"
            onFinish={(v) => void search(v)}
            initialValues={initialValues}
            style={{ rowGap: 12 }}
          >
            {searchFields}
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    const cleared = Object.fromEntries(Object.keys(form.getFieldsValue(true) as object).map((k) => [k, undefined])) as F;
                    form.setFieldsValue(cleared as Parameters<typeof form.setFieldsValue>[0]);
                    setFilters(toQuery ? toQuery(cleared) : (cleared as Query));
                    setPage(1);
                  }}
                >
                  重置
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {buttons}
        </div>
      )}
      {header}
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{
          emptyText: <ListEmpty loading={list.loading} failed={!!list.error} filtered={isFiltered(formFilters)} text={emptyText} />,
        }}
        expandable={expandable}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
