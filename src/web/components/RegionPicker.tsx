// Cascading selects of administrative divisions, starting below the user's own scope
// (GET /regions/{scope} for the label, GET /regions?parent= for each level).
import { Select, Space, Typography } from 'antd';
import { padRegionCode } from '../../shared/region.js';
import { levelNames } from '../../shared/region.js';
import { useLoad, useScopeName } from '../hooks.js';
import { chainBelow, regionChildren, scopeLevel } from '../regions.js';

export interface RegionPickerProps {
  /** The scope the picker starts from (the user's); '' is the whole country. */
  baseScope: string;
  /** A 12-digit code, or '' / undefined for the base itself. */
  value?: string;
  /** Called with the deepest chosen code, or the base (padded; '' for the country). */
  onChange?: (code: string) => void;
  /** Deepest level offered (1 province .. 5 community). */
  maxLevel?: number;
  /** Given by Form.Item; it goes on the first select, so the field's label names it. */
  id?: string;
  /** A choice is required: no clear buttons (each would only be one more Tab stop) and no 「可不选」. */
  required?: boolean;
}

/** Picks a division at or below the base scope. */
export function RegionPicker({ baseScope, value, onChange, maxLevel = 5, id, required = false }: RegionPickerProps) {
  const baseName = useScopeName(baseScope);
  const baseCode = baseScope === '' ? '' : padRegionCode(baseScope);
  const chain = chainBelow(baseScope, value);
  const parents = [baseCode, ...chain];
  const firstLevel = scopeLevel(baseScope) + 1;
  const selects = parents.map((parent, i) => ({ parent, level: firstLevel + i, chosen: chain[i] })).filter((s) => s.level <= maxLevel);
  return (
    <Space wrap>
      <Typography.Text type="secondary">{baseName ?? baseScope}</Typography.Text>
      {selects.map((s, i) => (
        <LevelSelect
          key={s.parent || 'country'}
          id={i === 0 ? id : undefined}
          required={required}
          parent={s.parent}
          level={s.level}
          value={s.chosen}
          onChange={(code) => onChange?.(code ?? parents[i] ?? '')}
        />
      ))}
    </Space>
  );
}

function LevelSelect({
  id,
  required,
  parent,
  level,
  value,
  onChange,
}: {
  id?: string | undefined;
  required: boolean;
  parent: string;
  level: number;
  value?: string | undefined;
  onChange(code: string | undefined): void;
}) {
  const { data, loading } = useLoad(() => regionChildren(parent), [parent]);
  if (!loading && data && data.length === 0) return null;
  const levelName = levelNames[level as keyof typeof levelNames] ?? '下级区划';
  return (
    <Select
      id={id}
      style={{ minWidth: 170 }}
      placeholder={required ? `选择${levelName}` : `选择${levelName}（可不选）`}
      aria-label={`选择${levelName}`}
      data-level={level}
      allowClear={!required}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      value={value}
      onChange={(code: string | undefined) => onChange(code)}
      options={(data ?? []).map((r) => ({ value: r.code, label: r.name }))}
      popupMatchSelectWidth={false}
    />
  );
}
