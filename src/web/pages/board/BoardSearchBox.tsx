// The parts every search of the public board starts with: the large search box (words apply on
// Enter or 搜索, not per keystroke) and the city's districts as a filter.
import { Input, Select } from 'antd';
import { boardCityCode, cityDistricts } from './boardFormat.js';
import { usePublicRegions } from './PublicRegionPicker.js';

const fixedDistrictOptions = cityDistricts.map((d) => ({ value: d.code, label: d.name }));

/** The search box; `words` is what is typed, `onSearch` gets the words to apply. */
export function BoardSearchInput(props: {
  label: string;
  placeholder: string;
  words: string;
  onWords(words: string): void;
  onSearch(q: string | undefined): void;
}) {
  return (
    <Input.Search
      size="large"
      aria-label={props.label}
      placeholder={props.placeholder}
      enterButton="搜索"
      allowClear
      maxLength={40}
      value={props.words}
      onChange={(e) => props.onWords(e.target.value)}
      onSearch={(value) => props.onSearch(value.trim() || undefined)}
      style={{ marginBottom: 12 }}
    />
  );
}

/** The city's districts as the installation lists them; the fixed list while loading or offline. */
export function BoardDistrictSelect(props: { value: string | undefined; placeholder: string; onChange(district?: string): void }) {
  const districts = usePublicRegions(boardCityCode).data;
  const options = districts?.length ? districts.map((d) => ({ value: d.code.slice(0, 6), label: d.name })) : fixedDistrictOptions;
  return (
    <Select
      aria-label="区县"
      prefix="区县"
      placeholder={props.placeholder}
      allowClear
      options={options}
      value={props.value}
      onChange={(district?: string) => props.onChange(district)}
      style={{ width: '100%' }}
    />
  );
}
