// Shapes of the board's policy-notice API (src/server/modules/board/noticeRoutes.ts).

/** A notice in the board's list. */
export interface PublicNotice {
  id: string;
  title: string;
  category: string;
  regionCode: string;
  regionName: string | null;
  /** The unit that published it. */
  publisherName: string | null;
  publishedOn: string;
  validFrom: string | null;
  validUntil: string | null;
  /** The first lines of the body. */
  excerpt: string;
}

/** A notice's page: the whole body and its documents. */
export interface PublicNoticeDetail extends Omit<PublicNotice, 'excerpt'> {
  body: string;
  sources: { title: string; documentNumber: string | null; issuer: string; date: string | null; url: string | null }[];
}
