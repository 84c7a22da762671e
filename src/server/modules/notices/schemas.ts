// Request and response schemas of policy notices (JOB-8).
import { Type } from '@sinclair/typebox';
import { noticeCategoryNames, noticeStatusNames, type NoticeCategory } from '../../../shared/notices.js';
import { DateTime, Name, Nullable, Paragraph, Text } from '../../platform/http.js';

/** A calendar date, YYYY-MM-DD. */
const DateString = Type.String({ format: 'date' });

/** A notice's category, with its Chinese name in the description. */
export const Category = Type.Unsafe<NoticeCategory>(
  Type.String({
    enum: Object.keys(noticeCategoryNames),
    description: Object.entries(noticeCategoryNames)
      .map(([k, v]) => `${k} ${v}`)
      .join('，'),
  }),
);

/** A document the notice is based on. */
export const NoticeSource = Type.Object({
  title: Name({ minLength: 4, maxLength: 200, description: '文件标题，如《失业保险条例》' }),
  documentNumber: Type.Optional(Nullable(Text({ maxLength: 60, description: '发文字号（文号），如 中发〔2002〕12号；没有文号的留空' }))),
  issuer: Name({ minLength: 2, maxLength: 100, description: '发文机关' }),
  date: Type.Optional(Nullable(DateString)),
  url: Type.Optional(Nullable(Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: '原文链接（http 或 https）' }))),
});

/** The fields staff write (all optional in a PATCH of a draft). */
export const editable = {
  title: Name({ minLength: 4, maxLength: 100 }),
  body: Paragraph({ minLength: 20, maxLength: 20_000, description: '正文，纯文本；段落之间换行' }),
  category: Category,
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '适用地区：区县的公告在该区县和全市公开栏显示，市级公告在全市各区县显示' }),
  validFrom: Type.Optional(Nullable(DateString)),
  validUntil: Type.Optional(Nullable(DateString)),
  sources: Type.Optional(Type.Array(NoticeSource, { maxItems: 20 })),
};

/** POST body of a new notice (a draft). */
export const NoticeInput = Type.Object(editable);

/** A stored source as the API returns it. */
export const NoticeSourceOut = Type.Object({
  title: Type.String(),
  documentNumber: Nullable(Type.String()),
  issuer: Type.String(),
  date: Nullable(Type.String()),
  url: Nullable(Type.String()),
});

/** A notice as staff see it: text, review trail and state. */
export const Notice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  sources: Type.Array(NoticeSourceOut),
  status: Type.String({
    description: Object.entries(noticeStatusNames)
      .map(([k, v]) => `${k} ${v}`)
      .join(' | '),
  }),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  createdBy: Type.String(),
  createdByName: Type.String(),
  contributors: Type.Array(Type.String()),
  submittedAt: Nullable(DateTime),
  reviewedBy: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  reviewComment: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  withdrawnBy: Nullable(Type.String()),
  withdrawnAt: Nullable(DateTime),
  withdrawReason: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** A notice in the board's list: no reviewers, the first lines of the body. */
export const PublicNotice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  publisherName: Nullable(Type.String({ description: '发布机构' })),
  publishedOn: Type.String(),
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  excerpt: Type.String({ description: '正文开头' }),
});

/** A notice's public page: the whole body and its source documents. */
export const PublicNoticeDetail = Type.Object({
  ...Type.Omit(PublicNotice, ['excerpt']).properties,
  body: Type.String(),
  sources: Type.Array(NoticeSourceOut),
});
