// Occupations of the 2022 大典 (src/shared/occupations.ts) for forms and filters: a code and a
// name in every option, so a counter can type either 「焊工」 or 「6-18」.
import { Select, TreeSelect } from 'antd';
import { occupationMajorGroupNames, occupationName, occupations, type OccupationMajorGroup } from '../../../shared/occupations.js';

const majorOf = (code: string) => code.charAt(0) as OccupationMajorGroup;

/** Listed occupations under their 大类, in list order. */
const byMajor = Object.entries(occupationMajorGroupNames)
  .map(([major, name]) => ({ major, name, items: occupations.filter((o) => majorOf(o.code) === major) }))
  .filter((g) => g.items.length > 0);

const selectOptions = byMajor.map((g) => ({
  label: `${g.major} ${g.name}`,
  title: g.name,
  options: g.items.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` })),
}));

/** "6-18-02-04 焊工"; a code not in the list shows bare. */
export function occupationText(code: string | null | undefined): string {
  if (!code) return '—';
  const name = occupationName(code);
  return name ? `${code} ${name}` : code;
}

/** One occupation (细类) for a vacancy. */
export function OccupationSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
}) {
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code)}
      allowClear
      placeholder="输入职业名称或代码查找，如：焊工、6-18"
      showSearch={{ optionFilterProp: 'label' }}
      options={selectOptions}
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}

/**
 * Several occupations (a seeker's 意向职业, up to `max`). Codes no longer in the list (typed before
 * the list existed) stay selectable so that saving does not drop them.
 */
export function OccupationsSelect({
  id,
  value,
  onChange,
  max = 10,
}: {
  id?: string;
  value?: string[] | null;
  onChange?: (codes: string[]) => void;
  max?: number;
}) {
  const unlisted = (value ?? []).filter((code) => !occupationName(code));
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(codes) => onChange?.(codes)}
      allowClear
      maxCount={max}
      placeholder="输入职业名称或代码查找，可选多个，如：焊工、6-18"
      showSearch={{ optionFilterProp: 'label' }}
      options={
        unlisted.length
          ? [...selectOptions, { label: '其他', title: '其他', options: unlisted.map((code) => ({ value: code, label: code })) }]
          : selectOptions
      }
      popupMatchSelectWidth={false}
      listHeight={320}
    />
  );
}

const treeData = byMajor.map((g) => ({
  value: g.major,
  title: `${g.major} ${g.name}`,
  children: g.items.map((o) => ({ value: o.code, title: `${o.code} ${o.name}` })),
}));

/** A filter by a 大类 or one occupation; the API matches the code as a prefix. */
export function OccupationFilter({ id, value, onChange }: { id?: string; value?: string; onChange?: (code: string | undefined) => void }) {
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(code: string | undefined) => onChange?.(code)}
      allowClear
      placeholder="全部"
      showSearch
      treeNodeFilterProp="title"
      treeData={treeData}
      style={{ width: 220 }}
      popupMatchSelectWidth={false}
      listHeight={360}
    />
  );
}
