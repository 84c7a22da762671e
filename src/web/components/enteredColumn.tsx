// The 经办 column of history tables: who entered a record and when.
import { Space, Typography } from 'antd';
import { formatDateTime } from '../format.js';

/** A table column showing who entered a record (the staff member's name; the login on hover) over `createdAt` (Beijing time). */
export function enteredColumn<T extends { createdBy: string; createdByName?: string; createdAt: string }>() {
  return {
    title: '经办',
    key: 'entered',
    width: 170,
    render: (_: unknown, e: T) => (
      <Space orientation="vertical" size={0}>
        <span title={`登录名 ${e.createdBy}`}>{e.createdByName ?? e.createdBy}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(e.createdAt)}
        </Typography.Text>
      </Space>
    ),
  };
}
