// 机构管理: the units in scope as a tree (nested by scope prefix) with a detail panel.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hasRole, useUser } from '../../auth.js';
import { ExportButton } from '../../components/ExportButton.js';
import { errorText } from '../../components/formErrors.js';
import { useAllUnits } from '../../hooks.js';
import { buildUnitTree, parentIds, type UnitNode } from '../../unitTree.js';
import type { Unit } from '../../types.js';
import { CreateUnitModal, EditUnitModal, unitTypeOptions } from './UnitForms.js';
import { UnitDetail } from './UnitDetail.js';

interface TreeItem {
  key: string;
  title: ReactNode;
  children: TreeItem[];
}

function toTreeData(nodes: UnitNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.unit.id,
    title: (
      <span data-unit-name={n.unit.name}>
        {n.unit.name}
        {n.unit.disabled && (
          <Tag color="red" style={{ marginLeft: 6 }}>
            停用
          </Tag>
        )}
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

/** Above this many units the tree renders only the rows in view (a province has thousands). */
const virtualFrom = 300;

/** The units page. */
export function UnitsPage() {
  const user = useUser();
  const isAdmin = hasRole(user, 'admin');
  const [q, setQ] = useState('');
  const [type, setType] = useState<string>();
  const filters = useMemo(() => ({ q: q.trim() || undefined, type }), [q, type]);
  const units = useAllUnits(filters);
  const [selectedId, setSelectedId] = useState<string | undefined>(user.unitId ?? undefined);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Unit | null>(null);

  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  useEffect(() => setExpanded(parentIds(tree)), [tree]);
  const selected = units.data?.find((u) => u.id === selectedId);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Card
          title="机构树"
          extra={
            <Space>
              {isAdmin && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新建机构
                </Button>
              )}
              <ExportButton path="/units" query={filters} fileName="机构列表" />
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search placeholder="按名称查找" allowClear onSearch={setQ} style={{ width: 200 }} />
            <Select placeholder="全部类型" allowClear options={unitTypeOptions} value={type} onChange={setType} style={{ width: 220 }} />
          </Space>
          {units.error ? <Alert type="error" showIcon title={errorText(units.error)} /> : null}
          <Spin spinning={units.loading}>
            {tree.length === 0 && !units.loading ? (
              <Empty description="管辖范围内没有符合条件的机构" />
            ) : (
              <Tree
                showLine
                blockNode
                height={(units.data?.length ?? 0) > virtualFrom ? 640 : undefined}
                treeData={toTreeData(tree)}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
              />
            )}
          </Spin>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            共 {units.data?.length ?? 0} 个机构
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Card title="机构详情" style={{ position: 'sticky', top: 24 }}>
          <UnitDetail unit={selected} canEdit={isAdmin} onEdit={() => selected && setEditing(selected)} />
        </Card>
      </Col>
      <CreateUnitModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setSelectedId(u.id);
          units.reload();
        }}
      />
      <EditUnitModal unit={editing} onClose={() => setEditing(null)} onSaved={() => units.reload()} />
    </Row>
  );
}
