// The list page every paged resource uses: a search form, a paged table on the API's
// {items,total,page,pageSize}, an Excel export of the same filters, and room for action buttons.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Space, Table, type TableProps } from 'antd';
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
}

/** A searchable, paged, exportable table of an API list. */
export function PagedTable<T extends object, F extends object = Record<string, unknown>>(props: PagedTableProps<T, F>) {
  const { path, columns, rowKey, searchFields, toQuery, exportName, actions, expandable, reloadKey = 0, title, initialValues } = props;
  const [form] = Form.useForm<F>();
  const [filters, setFilters] = useState<Query>(() => (initialValues ? (toQuery ? toQuery(initialValues as F) : (initialValues as Query)) : {}));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useLoad(() => get<Paged<T>>(path, { ...filters, page, pageSize }), [path, filters, page, pageSize, reloadKey]);

  const search = (values: F) => {
    setFilters(toQuery ? toQuery(values) : (values as Query));
    setPage(1);
  };

  return (
    <Card title={title}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
        {searchFields ? (
          <Form<F> form={form} name="search" layout="inline" onFinish={search} initialValues={initialValues} style={{ rowGap: 12 }}>
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
                    search(cleared);
                  }}
                >
                  重置
                </Button>
              </Space>
            </Form.Item>
          </Form>
        ) : (
          <span />
        )}
        <Space>
          {actions}
          {exportName && <ExportButton path={path} query={filters} fileName={exportName} />}
        </Space>
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
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
