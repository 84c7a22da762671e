// Region choice on the public site: 区县 → 街道（乡镇）→ 社区（村） of the served city, from the
// public list of divisions (GET /public/regions), since the staff RegionPicker needs a login.
import { Select, Space } from 'antd';
import { get } from '../../api.js';
import { useLoad } from '../../hooks.js';
import { boardCityCode } from './boardFormat.js';
import type { PublicRegion } from './types.js';

/** The children of a division (12-digit code), as the public API lists them. */
export function usePublicRegions(parent: string | undefined) {
  return useLoad(async () => (parent ? get<PublicRegion[]>('/public/regions', { parent }) : []), [parent]);
}

const levels = [
  { name: '区县', digits: 6 },
  { name: '街道（乡镇）', digits: 9 },
  { name: '社区（村）', digits: 12 },
];

/** The chosen division at each level below the city, for a 12-digit code ('' where not chosen). */
function chainOf(value: string | undefined): string[] {
  if (!value || !/^\d{12}$/.test(value)) return [];
  return levels
    .map((l) => value.slice(0, l.digits).padEnd(12, '0'))
    .filter((code, i) => !/^0+$/.test(code.slice(levels[i - 1]?.digits ?? 4, levels[i]!.digits)));
}

/** True for a community-level code (the last three digits chosen). */
export function isCommunityCode(code: string | undefined): boolean {
  return !!code && /^\d{9}(?!000)\d{3}$/.test(code);
}

/** Cascading selects; `onChange` gets the deepest chosen code (a cleared level gives its parent). */
export function PublicRegionPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}) {
  const chain = chainOf(value);
  const parents = [boardCityCode, ...chain].slice(0, levels.length);
  return (
    <Space wrap style={{ width: '100%' }}>
      {parents.map((parent, i) => (
        <LevelSelect
          key={parent}
          id={i === 0 ? id : undefined}
          parent={parent}
          name={levels[i]!.name}
          value={chain[i]}
          onChange={(code) => onChange?.(code ?? (i === 0 ? undefined : parent))}
        />
      ))}
    </Space>
  );
}

function LevelSelect({
  id,
  parent,
  name,
  value,
  onChange,
}: {
  id?: string | undefined;
  parent: string;
  name: string;
  value: string | undefined;
  onChange(code: string | undefined): void;
}) {
  const { data, loading } = usePublicRegions(parent);
  return (
    <Select
      id={id}
      aria-label={`选择${name}`}
      placeholder={`选择${name}`}
      style={{ minWidth: 150 }}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      value={value}
      onChange={(code?: string) => onChange(code)}
      options={(data ?? []).map((r) => ({ value: r.code, label: r.name }))}
      popupMatchSelectWidth={false}
    />
  );
}
