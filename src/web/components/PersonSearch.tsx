// A form control that finds a person in the user's scope by name or full ID number (the ID is
// looked up without entering a URL) and holds the person's id: the placement dialog of posts asks
// for registered unemployed persons only, the subsidy dialog for anyone.
import { useEffect, useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { get } from '../api.js';
import { lookupPerson, looksLikeIdNumber } from '../personLookup.js';
import type { Paged, Person } from '../types.js';

/** Persons in scope whose name (or full ID number) is typed, registered unemployed ones only when asked. */
async function searchPersons(term: string, unemployedOnly: boolean): Promise<Person[]> {
  if (looksLikeIdNumber(term)) {
    try {
      const found = await lookupPerson(term);
      return !unemployedOnly || found.employmentStatus === 'unemployed' ? [found] : [];
    } catch {
      return [];
    }
  }
  return (await get<Paged<Person>>('/persons', { q: term.trim(), ...(unemployedOnly ? { status: 'unemployed' } : {}), pageSize: 10 }))
    .items;
}

export function PersonSearch({
  id,
  value,
  onChange,
  unemployedOnly = false,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Offer registered unemployed persons only (placements on public-welfare posts). */
  unemployedOnly?: boolean;
}) {
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef('');
  useEffect(() => {
    latest.current = term;
    if (!term.trim()) return;
    // Wait for a pause in typing, and keep only the answer to the latest term.
    const timer = setTimeout(() => {
      setLoading(true);
      searchPersons(term, unemployedOnly)
        .then((persons) => latest.current === term && setFound(persons))
        .catch(() => latest.current === term && setFound([]))
        .finally(() => latest.current === term && setLoading(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [term, unemployedOnly]);
  const who = unemployedOnly ? '登记失业的' : '';
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      placeholder={unemployedOnly ? '输入姓名或完整身份证号，查找登记失业的人员' : '输入姓名或完整身份证号查找人员'}
      value={value}
      onChange={onChange}
      loading={loading}
      notFoundContent={term.trim() ? (loading ? '正在查找…' : `管辖范围内没有找到${who}该人员`) : '请输入姓名或身份证号'}
      options={found.map((p) => ({
        value: p.id,
        label: (
          <Space size={8}>
            <span>{p.name}</span>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {p.idNumber}
            </Typography.Text>
            <span>{p.regionName}</span>
          </Space>
        ),
      }))}
    />
  );
}
