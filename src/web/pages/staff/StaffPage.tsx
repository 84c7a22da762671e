// 工作人员: paged list of staff in scope with search, create, edit, phone reveal and export.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { roleNames, type Role } from '../../../shared/roles.js';
import type { Query } from '../../api.js';
import { PagedTable } from '../../components/PagedTable.js';
import { formatDateTime } from '../../format.js';
import { useAllUnits } from '../../hooks.js';
import type { Staff } from '../../types.js';
import { CreateStaffModal, EditStaffModal, roleOptions, unitOptions } from './StaffForms.js';
import { RevealPhoneModal } from './RevealPhoneModal.js';

interface Search {
  q?: string;
  unitId?: string;
  role?: Role;
  disabled?: 'true' | 'false';
}

const toQuery = (s: Search): Query => ({ q: s.q?.trim(), unitId: s.unitId, role: s.role, disabled: s.disabled });

/** The staff page. */
export function StaffPage() {
  const [params] = useSearchParams();
  const units = useAllUnits();
  const [reloadKey, setReloadKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Staff | null>(null);
  const [revealing, setRevealing] = useState<Staff | null>(null);
  const reload = () => setReloadKey((k) => k + 1);

  return (
    <>
      <PagedTable<Staff, Search>
        title="工作人员列表"
        path="/staff"
        rowKey="id"
        reloadKey={reloadKey}
        exportName="工作人员"
        toQuery={toQuery}
        initialValues={params.get('unitId') ? { unitId: params.get('unitId')! } : undefined}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建工作人员
          </Button>
        }
        searchFields={
          <>
            <Form.Item name="q" label="关键词">
              <Input placeholder="用户名或姓名" allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="unitId" label="所属机构">
              <Select
                placeholder="全部机构"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={unitOptions(units.data)}
                style={{ width: 240 }}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item name="role" label="角色">
              <Select placeholder="全部角色" allowClear options={roleOptions} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="disabled" label="状态">
              <Select
                placeholder="全部"
                allowClear
                style={{ width: 100 }}
                options={[
                  { value: 'false', label: '正常' },
                  { value: 'true', label: '停用' },
                ]}
              />
            </Form.Item>
          </>
        }
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'name' },
          { title: '所属机构', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (rs: Role[]) => (
              <Space size={[0, 4]} wrap>
                {rs.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'gold' : r === 'auditor' ? 'purple' : 'blue'}>
                    {roleNames[r] ?? r}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '联系电话',
            dataIndex: 'phone',
            render: (phone: string | null, row) =>
              phone ? (
                <Space size={4}>
                  <span>{phone}</span>
                  <Tooltip title="查看完整电话（记入审计日志）">
                    <Button size="small" type="link" icon={<EyeOutlined />} aria-label="查看完整电话" onClick={() => setRevealing(row)}>
                      查看
                    </Button>
                  </Tooltip>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '状态',
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag color="red">停用</Tag> : <Tag color="green">正常</Tag>),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v).slice(0, 10) },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => setEditing(row)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <CreateStaffModal open={creating} units={units.data} onClose={() => setCreating(false)} onCreated={reload} />
      <EditStaffModal member={editing} units={units.data} onClose={() => setEditing(null)} onSaved={reload} />
      <RevealPhoneModal member={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
