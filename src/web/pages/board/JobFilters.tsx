// The search box and filters of the public board. Choices apply at once; the words and the wage
// apply on Enter (or the 搜索 button), so that typing does not send a query per keystroke.
import { useState } from 'react';
import { Button, Col, InputNumber, Row, Select } from 'antd';
import { occupations } from '../../../shared/occupations.js';
import { BoardDistrictSelect, BoardSearchInput } from './BoardSearchBox.js';
import { hasCriteria, postedWithinChoices, type JobSearch, type PostedWithin } from './jobSearch.js';

const occupationOptions = occupations.map((o) => ({ value: o.code, label: o.name }));
const daysOptions = postedWithinChoices.map((d) => ({ value: d, label: `${d} 天内` }));

/** Matches an occupation by name or by code ("焊", "6-18"). */
const occupationFilter = (input: string, option?: { value: string; label: string }) =>
  !!option && (option.label.includes(input.trim()) || option.value.startsWith(input.trim()));

/** A typed wage ("6,000") as whole yuan; nothing for empty or zero. */
function wageOf(text: string): number | undefined {
  const yuan = Math.round(Number(text.replace(/,/g, '')));
  return Number.isFinite(yuan) && yuan > 0 ? yuan : undefined;
}

/** The form; `onSearch` gets the new search (page back to 1). */
export function JobFilters({ search, onSearch }: { search: JobSearch; onSearch(next: JobSearch): void }) {
  // The typed words and wage live here until applied; the URL (search) is the applied state.
  const [words, setWords] = useState(search.q ?? '');
  const [wage, setWage] = useState<number | null>(search.wage ?? null);
  // A change of the URL (back button, 清空条件) resets the typed values: React's "adjust state
  // while rendering" pattern, not an effect, so no frame shows the stale words.
  const [shown, setShown] = useState({ q: search.q, wage: search.wage });
  if (shown.q !== search.q || shown.wage !== search.wage) {
    setShown({ q: search.q, wage: search.wage });
    setWords(search.q ?? '');
    setWage(search.wage ?? null);
  }
  const apply = (patch: Partial<JobSearch>) =>
    onSearch({ ...search, q: words.trim() || undefined, wage: wage ?? undefined, ...patch, page: 1 });

  return (
    <div role="search" style={{ marginBottom: 16 }}>
      <BoardSearchInput
        label="搜索岗位"
        placeholder="职位、单位或技能，如：焊工、司机、会计"
        words={words}
        onWords={setWords}
        onSearch={(q) => apply({ q })}
      />
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <BoardDistrictSelect placeholder="全部" value={search.district} onChange={(district) => apply({ district })} />
        </Col>
        <Col xs={12} lg={6}>
          <Select
            aria-label="职业"
            prefix="职业"
            placeholder="全部"
            allowClear
            showSearch={{ filterOption: occupationFilter }}
            options={occupationOptions}
            value={search.occupation}
            onChange={(occupation?: string) => apply({ occupation })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} lg={6}>
          <InputNumber<number>
            aria-label="最低月薪（元）"
            // The API's wageMin: the vacancy's upper wage reaches it ("可达"), as job boards read it.
            prefix="月薪可达"
            suffix="元"
            placeholder="不限"
            min={0}
            max={1_000_000}
            precision={0}
            step={500}
            value={wage}
            onChange={setWage}
            // The input's own text, not state: Enter can come before the re-render of the last
            // keystroke. (target: with a prefix the handlers sit on the wrapper, not the input.)
            onPressEnter={(e) => apply({ wage: wageOf((e.target as HTMLInputElement).value) })}
            onBlur={(e) => {
              const typed = wageOf((e.target as HTMLInputElement).value);
              if (typed !== search.wage) apply({ wage: typed });
            }}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Select<PostedWithin>
            aria-label="发布时间"
            prefix="发布"
            placeholder="不限"
            allowClear
            options={daysOptions}
            value={search.days}
            onChange={(days?: PostedWithin) => apply({ days })}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      {hasCriteria(search) && (
        <Button type="link" size="small" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => onSearch({ page: 1 })}>
          清空条件
        </Button>
      )}
    </div>
  );
}
