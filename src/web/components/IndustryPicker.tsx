// The industry of an employer: a 门类 of GB/T 4754-2017, then, if known, one of its 大类 (JOB-1).
// The value is the code the API stores: `C` for a section alone, `C34` for a division.
import { Cascader } from 'antd';
import { industryTree } from '../../shared/industries.js';

interface IndustryOption {
  value: string;
  label: string;
  children?: IndustryOption[];
}

const options: IndustryOption[] = industryTree.map((section) => ({
  value: section.code,
  label: `${section.code} ${section.name}`,
  children: section.divisions.map((division) => ({ value: division.code, label: `${division.code.slice(1)} ${division.name}` })),
}));

export interface IndustryPickerProps {
  /** `C`, `C34` or undefined. */
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** 门类 → 大类; choosing a 门类 alone is allowed (changeOnSelect), typing searches both levels. */
export function IndustryPicker({ value, onChange, id, placeholder = '先选门类，可再选大类', style }: IndustryPickerProps) {
  const path = value ? (value.length > 1 ? [value.slice(0, 1), value] : [value]) : undefined;
  return (
    <Cascader<IndustryOption>
      id={id}
      options={options}
      value={path}
      onChange={(chosen) => onChange?.(chosen?.length ? String(chosen[chosen.length - 1]) : undefined)}
      changeOnSelect
      allowClear
      showSearch={{ filter: (input, path) => path.some((option) => option.label.includes(input.trim())) }}
      displayRender={(labels) => labels[labels.length - 1]}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
