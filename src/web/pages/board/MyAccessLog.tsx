// 谁查看了我的信息 (SYS-2; PIPL art. 45): a seeker sees every look at their record — staff opening
// it, a lookup by ID number, an export of a list they are in, a reveal of their ID number or phone,
// and employers opening their applications.
import { useState } from 'react';
import { Card, List, Typography } from 'antd';
import { accessActionNames } from '../../../shared/labels.js';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { AccessLogEntry, Paged } from '../../types.js';

/** Who looked: the unit (or employer) and, for staff, their user name to quote in an enquiry. */
function whoLooked(e: AccessLogEntry): string {
  if (e.actorUsername.startsWith('employer:')) return `${e.unitName ?? '用人单位'}（查看了您的投递）`;
  return `${e.unitName ?? '公共就业服务机构'} 工作人员 ${e.actorUsername}`;
}

/** The seeker's access log, newest first. */
export function MyAccessLog() {
  const [page, setPage] = useState(1);
  const log = useLoad(() => get<Paged<AccessLogEntry>>('/public/me/access-log', { page, pageSize: 10 }), [page]);
  return (
    <Card title="谁查看了我的信息" size="small" data-testid="my-access-log">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        工作人员查看、查找、导出您的登记信息，以及用人单位查看您的投递，都会记录在这里。如有疑问，可凭记录向当地公共就业服务机构查询。
      </Typography.Paragraph>
      {log.error ? (
        <Typography.Text type="danger">{errorText(log.error)}</Typography.Text>
      ) : (
        <List<AccessLogEntry>
          size="small"
          loading={log.loading}
          dataSource={log.data?.items ?? []}
          locale={{ emptyText: log.loading ? ' ' : '暂无查看记录' }}
          pagination={
            (log.data?.total ?? 0) > 10 ? { current: page, pageSize: 10, total: log.data?.total, onChange: setPage, size: 'small' } : false
          }
          renderItem={(e) => (
            <List.Item data-testid="access-entry">
              <List.Item.Meta
                title={whoLooked(e)}
                description={`${formatDateTime(e.at)} · ${accessActionNames[e.action]}${e.rows ? `（名册共 ${e.rows} 人）` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
