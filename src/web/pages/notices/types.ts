// Shapes of the policy-notice API (src/server/modules/notices/schemas.ts), staff side.

/** A document a notice is based on. */
export interface NoticeSource {
  title: string;
  documentNumber: string | null;
  issuer: string;
  date: string | null;
  url: string | null;
}

/** A notice as staff see it. */
export interface Notice {
  id: string;
  title: string;
  body: string;
  category: string;
  regionCode: string;
  regionName: string | null;
  validFrom: string | null;
  validUntil: string | null;
  sources: NoticeSource[];
  /** draft | submitted | published | scheduled | expired | withdrawn */
  status: string;
  unitId: string | null;
  unitName: string | null;
  createdBy: string;
  createdByName: string;
  /** Usernames of everyone who wrote any of the text: none of them may review it. */
  contributors: string[];
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  publishedOn: string | null;
  publishedAt: string | null;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  createdAt: string;
  updatedAt: string;
}
