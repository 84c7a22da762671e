// 家庭 on the person page: the household's members and zero-employment flag, a link to the
// household page, or 建立家庭档案 when the person has none.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Space, Spin, Tag } from 'antd';
import { get } from '../../api.js';
import { errorText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import { householdTypeNames } from '../../labels.js';
import type { Household, Person } from '../../types.js';
import { CreateHouseholdModal } from './CreateHouseholdModal.js';
import { MembersTable } from './MembersTable.js';
import { ZeroEmploymentBanner } from './ZeroEmploymentBanner.js';

/** The household card; `version` changes when the person's status changed (the flag may follow). */
export function HouseholdCard({ person, canWrite, version }: { person: Person; canWrite: boolean; version: number }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const household = useLoad(
    async () => (person.householdId ? get<Household>(`/households/${person.householdId}`) : null),
    [person.householdId, version],
  );
  const h = household.data;
  return (
    <Card
      data-testid="household-card"
      title={
        <Space>
          家庭
          {h && <Tag>{householdTypeNames[h.householdType]}</Tag>}
          {h?.zeroEmployment && <Tag color="red">零就业家庭</Tag>}
        </Space>
      }
      extra={h && <Link to={`/households/${h.id}`}>查看家庭档案</Link>}
    >
      {household.error ? <Alert type="error" showIcon title={errorText(household.error)} /> : null}
      {!person.householdId ? (
        <Empty description="尚未建立家庭档案">
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)}>
              建立家庭档案
            </Button>
          )}
        </Empty>
      ) : !h ? (
        <Spin />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ZeroEmploymentBanner household={h} compact />
          {h.address && <span>住址：{h.address}</span>}
          <MembersTable members={h.members} currentPersonId={person.id} compact />
        </Space>
      )}
      <CreateHouseholdModal
        head={person}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => navigate(`/households/${created.id}`)}
      />
    </Card>
  );
}
