// The history of one parameter: every value in every region and date; admins add values here.
import { useState } from 'react';
import { Alert, Button, Drawer, Spin, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { get } from '../../api.js';
import { hasRole, useUser } from '../../auth.js';
import { errorText } from '../../components/formErrors.js';
import { formatDateTime, formatParamValue } from '../../format.js';
import { useLoad } from '../../hooks.js';
import type { ParamHistory, ParamValue } from '../../types.js';
import { ParamValueModal } from './ParamValueModal.js';

/** The drawer for the parameter `name` (closed when null). */
export function ParamHistoryDrawer({ name, onClose, onChanged }: { name: string | null; onClose(): void; onChanged(): void }) {
  const user = useUser();
  const [adding, setAdding] = useState(false);
  const history = useLoad(async () => (name ? get<ParamHistory>(`/params/${name}/values`) : null), [name]);
  const param = history.data;
  return (
    <Drawer
      title={param ? `${param.title} · 取值历史` : '取值历史'}
      open={!!name}
      onClose={onClose}
      size={960}
      extra={
        param && hasRole(user, 'admin') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增取值
          </Button>
        ) : null
      }
    >
      {history.error ? <Alert type="error" showIcon title={errorText(history.error)} /> : null}
      <Spin spinning={history.loading}>
        {param && (
          <>
            <Typography.Paragraph>
              <Typography.Text code>{param.name}</Typography.Text> {param.description}（单位：
              {param.unit === '分' ? '元（按分存储）' : param.unit}）
            </Typography.Paragraph>
            <Table<ParamValue>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={param.values}
              locale={{ emptyText: '尚未设置任何取值' }}
              columns={[
                {
                  title: '适用区划',
                  dataIndex: 'regionPrefix',
                  width: 170,
                  render: (p: string, v) => (p === '' ? '全国' : v.regionName ? `${v.regionName}（${p}）` : p),
                },
                { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                {
                  title: '取值',
                  dataIndex: 'value',
                  align: 'right',
                  width: 140,
                  render: (value: number) => formatParamValue(value, param.unit),
                },
                { title: '依据', dataIndex: 'source' },
                { title: '录入人', dataIndex: 'createdBy', width: 110 },
                { title: '录入时间', dataIndex: 'createdAt', width: 170, render: (t: string) => formatDateTime(t) },
              ]}
            />
          </>
        )}
      </Spin>
      {param && (
        <ParamValueModal
          param={param}
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={() => {
            history.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
