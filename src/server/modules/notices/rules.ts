// Pure rules of policy notices (JOB-8): what a notice's fields must satisfy, when it is ready for
// review, and who may not review it. Each failure names its field and a stable code, and tells
// the clerk what to do.
import { noticeCategories, type NoticeCategory } from '../../../shared/notices.js';
import type { FieldError } from '../../platform/errors.js';

export interface NoticeFields {
  title: string;
  body: string;
  category: NoticeCategory;
  validFrom: string | null;
  validUntil: string | null;
  sources: { title: string; documentNumber: string | null; issuer: string; date: string | null; url: string | null }[];
}

/** An HTML tag (`<p>`, `</div>`, `<br/>`, `<a href=…>`): "年龄<35岁" is not one. */
const htmlTag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/;

const fieldError = (path: string, code: string, message: string): FieldError => ({ path, code, message });

/** Problems with a notice's fields as of `today` (a draft may be saved only without any). */
export function fieldProblems(n: NoticeFields, today: string): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of ['title', 'body'] as const) {
    if (htmlTag.test(n[field]))
      problems.push(fieldError(`/${field}`, 'HTML_NOT_ALLOWED', '请输入纯文本，不要粘贴网页代码（如 <p>）；分段直接换行即可'));
  }
  if (n.validFrom && n.validUntil && n.validUntil < n.validFrom)
    problems.push(fieldError('/validUntil', 'BEFORE_VALID_FROM', '有效期截止日期不能早于开始日期'));
  else if (n.validUntil && n.validUntil < today)
    problems.push(fieldError('/validUntil', 'IN_THE_PAST', `有效期截止日期 ${n.validUntil} 已过，请改为今天或以后的日期`));
  const numbers = new Map<string, number>();
  n.sources.forEach((s, i) => {
    if (s.date && s.date > today) problems.push(fieldError(`/sources/${i}/date`, 'IN_THE_FUTURE', '发文日期不能晚于今天'));
    const number = s.documentNumber?.replace(/\s/g, '');
    if (!number) return;
    const first = numbers.get(number);
    if (first !== undefined)
      problems.push(fieldError(`/sources/${i}/documentNumber`, 'DUPLICATE', `与第 ${first + 1} 个依据文件的文号相同，请删去重复的文件`));
    else numbers.set(number, i);
  });
  return problems;
}

/** Further problems that keep a draft from going to review. */
export function reviewReadinessProblems(n: NoticeFields): FieldError[] {
  if (noticeCategories[n.category].needsSource && n.sources.length === 0)
    return [
      fieldError(
        '/sources',
        'SOURCE_REQUIRED',
        `“${noticeCategories[n.category].name}”类公告须注明至少一个政策依据文件（标题、文号、发文机关），公众据此查证`,
      ),
    ];
  return [];
}

/** Four eyes: nobody who wrote or changed any of a notice's text may publish it. */
export function mayReview(contributors: readonly string[], reviewer: string): boolean {
  return !contributors.includes(reviewer);
}

/**
 * The region codes whose notices apply in an area given by a region-code prefix: the area's own
 * notices (any code starting with the prefix) and those of the divisions above it (exact codes),
 * so a district's board shows the city's and the province's notices too.
 */
export function coveringRegionCodes(prefix: string, levelPrefixLengths: readonly number[]): string[] {
  return levelPrefixLengths.filter((len) => len < prefix.length).map((len) => prefix.slice(0, len).padEnd(12, '0'));
}
