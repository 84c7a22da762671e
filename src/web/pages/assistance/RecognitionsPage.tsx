// 困难人员认定 (AID-1): the unit's overview of hard-to-employ recognitions in scope, by category,
// status and area, with a link to each person and Excel export of the same filters.
import { Form, Select, Space, Tag, Typography } from 'antd';
import { useUser } from '../../auth.js';
import { PagedTable } from '../../components/PagedTable.js';
import { PersonLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { hardToEmployCategories, hardToEmployCategoryNames } from '../../../shared/assistance.js';
import type { RecognitionListItem } from '../../types.js';
import { categoryName, recognitionStatusColors, recognitionStatusNames } from './HardToEmployCard.js';

interface Filters {
  category?: string;
  status?: string;
  regionCode?: string;
}

/** The list page at /assistance/recognitions. */
export function RecognitionsPage() {
  const user = useUser();
  return (
    <PagedTable<RecognitionListItem, Filters>
      title="就业困难人员认定"
      path="/assistance/recognitions"
      rowKey="id"
      exportName="就业困难人员认定"
      initialValues={{ status: 'active' }}
      toQuery={(v) => ({ category: v.category, status: v.status, regionCode: v.regionCode || undefined })}
      emptyText="没有符合条件的认定记录。在人员详情的“就业困难人员认定”中，审核人员按规则建议或凭证明材料认定。"
      searchFields={
        <>
          <Form.Item name="category" label="类别">
            <Select
              allowClear
              placeholder="全部类别"
              style={{ width: 180 }}
              options={hardToEmployCategories.map((c) => ({ value: c, label: hardToEmployCategoryNames[c] }))}
            />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 140 }}
              options={Object.entries(recognitionStatusNames).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="regionCode" label="区域">
            <RegionPicker baseScope={user.scope} maxLevel={5} />
          </Form.Item>
        </>
      }
      columns={[
        { title: '姓名', dataIndex: 'personName', render: (n: string, r) => <PersonLink personId={r.personId}>{n}</PersonLink> },
        { title: '身份证号', dataIndex: 'idNumber' },
        { title: '所在社区', dataIndex: 'regionCode', render: (code: string) => <RegionLabel prefix={code} /> },
        { title: '类别', dataIndex: 'category', render: (c: string) => <Tag color="blue">{categoryName(c)}</Tag> },
        { title: '认定日期', dataIndex: 'recognisedOn' },
        { title: '有效期至', dataIndex: 'validUntil', render: (v: string | null) => v ?? '长期' },
        {
          title: '证明材料',
          dataIndex: 'evidence',
          render: (v: string, r) => (
            <Space orientation="vertical" size={0}>
              <span>{v}</span>
              {r.overrideReason ? (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  破格认定：{r.overrideReason}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: '认定人', dataIndex: 'recognisedByName' },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: string, r) => (
            <Space orientation="vertical" size={0}>
              <Tag color={recognitionStatusColors[s]}>{recognitionStatusNames[s] ?? s}</Tag>
              {r.revokedOn ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.revokedOn}：{r.revokedReason}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
