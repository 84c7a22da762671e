// Picks an employer in scope by typing part of its name or its full credit code (GET /employers?q=);
// the one employer select of the app (vacancy forms, fair booths).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Select, Typography } from 'antd';
import { get } from '../../api.js';
import type { Employer, Paged } from '../../types.js';

/** Waits this long after the last keystroke before searching. */
const debounceMs = 300;

export interface EmployerSelectProps {
  id?: string;
  autoFocus?: boolean;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Called with the chosen employer (its region and address become the vacancy's defaults). */
  onPick?: (employer: Employer | undefined) => void;
  /** Employers listed but not choosable, with why (「已参会」 at a fair, say). */
  taken?: Record<string, string>;
}

/** A searchable select of employers; shows the credit code under each name; `taken` ones are greyed out. */
export function EmployerSelect({ id, autoFocus, value, onChange, onPick, taken = {} }: EmployerSelectProps) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Employer[]>([]);
  const [chosen, setChosen] = useState<Employer>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(
      () => {
        get<Paged<Employer>>('/employers', { q: q.trim() || undefined, pageSize: 20 })
          .then((res) => live && setOptions(res.items))
          .catch(() => live && setOptions([]))
          .finally(() => live && setLoading(false));
      },
      q ? debounceMs : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  // A value given from outside (?employerId= in the address) is labelled, and reported once, from
  // the options when it is among them, else by looking it up.
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });
  useEffect(() => {
    if (!value || chosen?.id === value) return;
    const listed = options.find((e) => e.id === value);
    if (listed) {
      setChosen(listed);
      onPickRef.current?.(listed);
      return;
    }
    let live = true;
    get<Employer>(`/employers/${value}`)
      .then((e) => {
        if (!live) return;
        setChosen(e);
        onPickRef.current?.(e);
      })
      .catch(() => undefined); // an unknown id stays unlabelled; the server reports it on save
    return () => {
      live = false;
    };
  }, [value, chosen, options]);

  const all = chosen && !options.some((e) => e.id === chosen.id) ? [chosen, ...options] : options;
  return (
    <Select<string>
      id={id}
      autoFocus={autoFocus}
      value={value}
      placeholder="输入单位名称或统一社会信用代码查找"
      allowClear
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={loading ? '正在查找…' : '管辖范围内没有找到该单位，请先登记用人单位'}
      onChange={(next) => {
        const employer = all.find((e) => e.id === next);
        setChosen(employer);
        onChange?.(next);
        onPick?.(employer);
      }}
      popupMatchSelectWidth={false}
      options={all.map((e) => ({
        value: e.id,
        label: e.name,
        title: e.name,
        disabled: !!taken[e.id] && e.id !== value,
        // The label stays the bare name (it is what shows once chosen); the dropdown shows more.
        render: (
          <div>
            <div>
              {e.name}
              {taken[e.id] ? `（${taken[e.id]}）` : ''}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.creditCode}
              {e.regionName ? ` · ${e.regionName}` : ''}
            </Typography.Text>
          </div>
        ),
      }))}
      optionRender={(option) => (option.data as { render: ReactNode }).render}
    />
  );
}
