// Who looked at this person's record (SYS-2): for auditors, on the person page. Every opening of
// the record, lookup by ID number, export of a list with the person and reveal of an identifier.
import { Card, Table, Typography } from 'antd';
import { accessActionNames } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { ExportButton } from '../../components/ExportButton.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import { useState } from 'react';
import type { AccessLogEntry, Paged } from '../../types.js';
import { ListEmpty } from '../../components/PagedTable.js';

/** The access log of one person, newest first, paged. */
export function PersonAccessLogCard({ personId }: { personId: string }) {
  const [page, setPage] = useState(1);
  const log = useLoad(() => get<Paged<AccessLogEntry>>(`/persons/${personId}/access-log`, { page, pageSize: 10 }), [personId, page]);
  return (
    <Card
      title="信息查阅记录"
      data-testid="access-log"
      extra={<ExportButton path={`/persons/${personId}/access-log`} query={{}} fileName="个人信息查阅记录" />}
    >
      {log.error ? (
        <Typography.Text type="danger">{errorText(log.error)}</Typography.Text>
      ) : (
        <Table<AccessLogEntry>
          size="small"
          rowKey={(e) => `${e.at}|${e.actorUsername}|${e.action}`}
          loading={log.loading}
          dataSource={log.data?.items ?? []}
          locale={{ emptyText: <ListEmpty loading={log.loading} text="暂无查阅记录" /> }}
          pagination={{
            current: page,
            pageSize: 10,
            total: log.data?.total ?? 0,
            onChange: setPage,
            size: 'small',
            showSizeChanger: false,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            { title: '查阅人', dataIndex: 'actorUsername', width: 180 },
            { title: '单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
            {
              title: '方式',
              dataIndex: 'action',
              width: 190,
              render: (v: AccessLogEntry['action'], e) => `${accessActionNames[v]}${e.rows ? `（${e.rows} 行）` : ''}`,
            },
          ]}
        />
      )}
    </Card>
  );
}
