// A vacancy text with the spans the discrimination screening found marked: red for a flag that
// must be fixed or justified, orange for a warning the reviewer judges (JOB-3).
import { Fragment } from 'react';
import { Tooltip } from 'antd';
import { screeningCategoryNames } from '../../labels.js';
import type { ScreeningFlag } from '../../types.js';

interface Segment {
  start: number;
  end: number;
  /** The flags covering the whole segment; none for plain text. */
  flags: ScreeningFlag[];
}

/**
 * Cuts `text` at every flag boundary, so overlapping spans of different categories (「限未婚女性」)
 * still mark each character once, with every flag that covers it. Flags outside the text (stale
 * offsets after an edit) are ignored.
 */
export function segmentsOf(text: string, flags: ScreeningFlag[]): Segment[] {
  const valid = flags.filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((f) => [f.start, f.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = valid.filter((f) => f.start <= start && f.end >= end);
    const last = segments[segments.length - 1];
    // Neighbouring plain pieces are one segment again.
    if (last && covering.length === 0 && last.flags.length === 0) last.end = end;
    else segments.push({ start, end, flags: covering });
  }
  return segments;
}

const markStyle = {
  flag: { background: '#fff1f0', color: '#a8071a', borderBottom: '2px solid #f5222d' },
  warning: { background: '#fff7e6', color: '#ad4e00', borderBottom: '2px solid #fa8c16' },
} as const;

/** `text` with `flags` (of this field only) marked; each mark explains itself on hover. */
export function HighlightedText({ text, flags }: { text: string; flags: ScreeningFlag[] }) {
  return (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {segmentsOf(text, flags).map((s) => {
        const piece = text.slice(s.start, s.end);
        if (s.flags.length === 0) return <Fragment key={s.start}>{piece}</Fragment>;
        const severity = s.flags.some((f) => f.severity === 'flag') ? 'flag' : 'warning';
        return (
          <Tooltip key={s.start} title={s.flags.map((f) => `${screeningCategoryNames[f.category] ?? f.category}：${f.reason}`).join('\n')}>
            <mark
              data-severity={severity}
              data-category={s.flags.map((f) => f.category).join(' ')}
              style={{ ...markStyle[severity], padding: '0 2px', borderRadius: 2 }}
            >
              {piece}
            </mark>
          </Tooltip>
        );
      })}
    </span>
  );
}
