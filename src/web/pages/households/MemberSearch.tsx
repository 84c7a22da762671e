// Search persons in scope to add to a household: by name or phone as you type; a full ID number
// goes through POST /persons/lookup so it never appears in a URL.
import { useEffect, useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { get } from '../../api.js';
import { EmploymentStatusTag } from '../../components/PersonTags.js';
import type { Paged, Person } from '../../types.js';
import { lookupPerson, looksLikeIdNumber } from '../../personLookup.js';

async function searchPersons(term: string): Promise<Person[]> {
  if (looksLikeIdNumber(term)) {
    try {
      return [await lookupPerson(term)];
    } catch {
      return []; // not in scope: the list says so
    }
  }
  return (await get<Paged<Person>>('/persons', { q: term.trim(), pageSize: 10 })).items;
}

/** A search box; `onPick` gets the chosen person. `excluded` are already members. */
export function MemberSearch({ excluded, onPick }: { excluded: string[]; onPick(person: Person): void }) {
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef('');

  useEffect(() => {
    latest.current = term;
    if (!term.trim()) {
      setFound([]);
      return;
    }
    // Wait for a pause in typing, and keep only the answer to the latest term.
    const timer = setTimeout(() => {
      setLoading(true);
      searchPersons(term)
        .then((persons) => latest.current === term && setFound(persons))
        .catch(() => latest.current === term && setFound([]))
        .finally(() => latest.current === term && setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [term]);

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      aria-label="添加成员"
      placeholder="输入姓名、手机号或完整身份证号查找管辖范围内的人员"
      value={null}
      loading={loading}
      style={{ width: '100%' }}
      notFoundContent={term.trim() ? (loading ? '正在查找…' : '管辖范围内没有找到') : '请输入查找内容'}
      onChange={(id) => {
        const person = found.find((p) => p.id === id);
        if (person) onPick(person);
        setTerm('');
      }}
      options={found.map((p) => ({
        value: p.id,
        disabled: excluded.includes(p.id) || !!p.householdId,
        label: (
          <Space size={8}>
            <span>{p.name}</span>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {p.idNumber}
            </Typography.Text>
            <span>{p.regionName}</span>
            <EmploymentStatusTag status={p.employmentStatus} />
            {p.householdId && <Typography.Text type="warning">已属于其他家庭</Typography.Text>}
            {excluded.includes(p.id) && <Typography.Text type="secondary">已添加</Typography.Text>}
          </Space>
        ),
      }))}
    />
  );
}
