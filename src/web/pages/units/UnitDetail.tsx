// The detail panel of the units page.
import { Button, Descriptions, Empty, Space, Tag } from 'antd';
import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { unitTypes } from '../../../shared/roles.js';
import { formatDateTime, scopeText } from '../../format.js';
import type { Unit } from '../../types.js';

/** Shows one unit; admins get 编辑 and 查看人员. */
export function UnitDetail({ unit, canEdit, onEdit }: { unit: Unit | undefined; canEdit: boolean; onEdit(): void }) {
  const navigate = useNavigate();
  if (!unit) return <Empty description="请在左侧选择一个机构查看详情" />;
  return (
    <>
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'name', label: '机构名称', children: unit.name },
          { key: 'type', label: '机构类型', children: unitTypes[unit.type] ?? unit.type },
          { key: 'region', label: '所在区划', children: `${unit.regionName ?? ''}（${unit.regionCode}）` },
          { key: 'scope', label: '管辖范围', children: scopeText(unit.scope, unit.regionName) },
          { key: 'address', label: '地址', children: unit.address || '—' },
          { key: 'phone', label: '联系电话', children: unit.phone || '—' },
          { key: 'status', label: '状态', children: unit.disabled ? <Tag color="red">停用</Tag> : <Tag color="green">正常</Tag> },
          { key: 'created', label: '创建时间', children: formatDateTime(unit.createdAt) },
        ]}
      />
      {canEdit && (
        <Space style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
          <Button icon={<TeamOutlined />} onClick={() => navigate(`/staff?unitId=${unit.id}`)}>
            查看本机构人员
          </Button>
        </Space>
      )}
    </>
  );
}
