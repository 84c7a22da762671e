// Policy notices on the public board (JOB-8): their categories and states, with the Chinese names
// the API's Excel exports and the screens share.

/** What a notice is about; `needsSource` categories must cite at least one document before review. */
export const noticeCategories = {
  employment_policy: { name: '就业政策', needsSource: true },
  subsidy: { name: '补贴申领', needsSource: true },
  recruitment: { name: '招聘活动', needsSource: false },
  training: { name: '培训信息', needsSource: false },
} as const;
export type NoticeCategory = keyof typeof noticeCategories;

/** Category code → Chinese name. */
export const noticeCategoryNames = Object.fromEntries(Object.entries(noticeCategories).map(([k, v]) => [k, v.name])) as Record<
  NoticeCategory,
  string
>;

/**
 * Stored states (draft → submitted → published → withdrawn; a reviewer may return a submitted
 * notice to draft) and the two a published notice reads as by date.
 */
export const noticeStatusNames = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
  scheduled: '待生效',
  expired: '已过期',
} as const;
export type NoticeStatus = keyof typeof noticeStatusNames;

/**
 * Who writes notices: the employment service centre's job officers (labour-market information,
 * API.md roles) and counter clerks (policy consultation). Who publishes them: reviewers, never on
 * a text they wrote themselves.
 */
export const noticeAuthorRoles = ['job_officer', 'clerk'] as const;
export const noticeReviewerRoles = ['reviewer'] as const;
