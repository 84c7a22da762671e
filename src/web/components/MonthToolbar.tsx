// The toolbar of a monthly figure or list (推荐率统计, 零就业家庭月度情况, 公益性岗位补贴名册): the month
// picked (this month by default, none in the future) and, where the figures export, the Excel
// button for that month.
import { useState } from 'react';
import { DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Query } from '../api.js';
import { ExportButton } from './ExportButton.js';

/** The month a monthly page shows, as a Dayjs for the picker and as "YYYY-MM" for the API. */
export function useMonth() {
  const [month, setMonth] = useState<Dayjs>(() => dayjs());
  return { month, setMonth, key: month.format('YYYY-MM') };
}

export function MonthToolbar({
  label,
  month,
  onChange,
  exportTo,
}: {
  /** 统计月份, 名册月份 ... (also the picker's accessible name). */
  label: string;
  month: Dayjs;
  onChange: (month: Dayjs) => void;
  /** The Excel export of the month's figures, if they have one. */
  exportTo?: { path: string; query: Query; fileName: string };
}) {
  return (
    <Space>
      <Typography.Text>{label}</Typography.Text>
      <DatePicker
        picker="month"
        aria-label={label}
        allowClear={false}
        value={month}
        onChange={(d) => d && onChange(d)}
        disabledDate={(d) => d.isAfter(dayjs(), 'month')}
      />
      {exportTo && <ExportButton path={exportTo.path} query={exportTo.query} fileName={exportTo.fileName} />}
    </Space>
  );
}
