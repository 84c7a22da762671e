// Picks an employer in scope by name or credit code (GET /employers?q=), for a form field.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { get } from '../../api.js';
import { useLoad } from '../../hooks.js';
import type { Employer, Paged } from '../../types.js';

/** How long typing pauses before the search is sent. */
const debounceMs = 300;

/** A searchable select of employers; `taken` are shown but cannot be chosen, with why. */
export function EmployerSelect({ id, value, onChange, taken = {} }: { id?: string; value?: string; onChange?: (id: string | undefined) => void; taken?: Record<string, string> }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), debounceMs);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useLoad(() => get<Paged<Employer>>('/employers', { q, pageSize: 20 }), [q]);
  // The chosen employer keeps its name when a later search no longer lists it.
  const [chosen, setChosen] = useState<{ value: string; label: string }>();
  const options = (found.data?.items ?? []).map((e) => ({
    value: e.id,
    disabled: !!taken[e.id],
    label: taken[e.id] ? `${e.name}（${taken[e.id]}）` : e.name,
  }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift({ ...chosen, disabled: false });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      onChange={(v: string | undefined) => {
        setChosen(options.find((o) => o.value === v));
        onChange?.(v);
      }}
      loading={found.loading}
      placeholder="输入单位名称或统一社会信用代码查找"
      notFoundContent={found.loading ? '正在查找…' : '管辖范围内没有这样的用人单位'}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
}
