// 家庭档案 (REG-5, AID-3): a household's members with their status and the zero-employment
// banner with its deadline.
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { PageLink } from '../../components/PageLink.js';
import { RegionLabel } from '../../components/RegionLabel.js';
import { useLoad } from '../../hooks.js';
import { householdTypeNames } from '../../labels.js';
import type { Household } from '../../types.js';
import { MembersTable } from './MembersTable.js';
import { ZeroEmploymentBanner } from './ZeroEmploymentBanner.js';

/** The household page. */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useLoad(() => get<Household>(`/households/${id}`), [id]);
  const h = household.data;
  if (household.error) return <Alert type="error" showIcon title={errorText(household.error)} />;
  if (!h) return <Spin size="large" />;
  const head = h.members.find((m) => m.relation === 'head') ?? h.members[0];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {head ? `${head.name}家` : '家庭档案'}
            <Tag>{householdTypeNames[h.householdType]}</Tag>
            {h.zeroEmployment ? <Tag color="red">零就业家庭</Tag> : <Tag color="green">非零就业家庭</Tag>}
          </Space>
        }
        extra={
          <Space>
            {h.openCase && <PageLink to={`/zero-employment/${h.openCase.id}`}>零就业家庭个案</PageLink>}
            <Link to="/zero-employment">零就业家庭一览</Link>
          </Space>
        }
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <ZeroEmploymentBanner household={h} />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'region', label: '所在社区', children: <RegionLabel prefix={h.regionCode} /> },
              { key: 'address', label: '家庭住址', children: h.address ?? '—' },
              { key: 'count', label: '成员人数', children: `${h.members.length} 人` },
            ]}
          />
        </Space>
      </Card>
      <Card title="家庭成员">
        <MembersTable members={h.members} />
      </Card>
    </Space>
  );
}
