// Checked by `npm run typecheck` (tsc reads test files too): a path or status code that no longer
// resolves would make a derived type `never`, which type-checks everywhere and hides the drift.
import { describe, expectTypeOf, it } from 'vitest';
import type { MatchFactor, PersonMatch, Referral, ReferralOutcome, ReferralRate, Vacancy, VacancyMatch, VacancyStatus } from './types.js';
import type { Notice, NoticeSource } from './pages/notices/types.js';
import type { PublicNotice, PublicNoticeDetail } from './pages/board/noticeTypes.js';
import type {
  Applicant,
  Application,
  PublicAccount,
  PublicFair,
  PublicRegion,
  PublicVacancy,
  PublicVacancyDetail,
  ReferralLetter,
  SeekerMatch,
} from './pages/board/types.js';

describe('SYS-4 web types derived from the OpenAPI document', () => {
  it('SYS-4 resolve to the response shapes, not to never', () => {
    expectTypeOf<Vacancy['title']>().toEqualTypeOf<string>();
    expectTypeOf<VacancyStatus>().toEqualTypeOf<'pending_review' | 'published' | 'rejected' | 'closed' | 'expired' | 'filled'>();
    expectTypeOf<MatchFactor>().toEqualTypeOf<'occupation' | 'skills' | 'place' | 'wage' | 'education' | 'hours' | 'priority'>();
    expectTypeOf<VacancyMatch['vacancy']['wageMax']>().toEqualTypeOf<number>();
    expectTypeOf<PersonMatch['person']['employmentStatus']>().toEqualTypeOf<'employed' | 'unemployed' | 'not_registered'>();
    expectTypeOf<ReferralOutcome>().toEqualTypeOf<'interviewed' | 'hired' | 'rejected' | 'no_show'>();
    expectTypeOf<Referral['verificationCode']>().toEqualTypeOf<string>();
    expectTypeOf<ReferralRate['seekers']>().toEqualTypeOf<number>();
    expectTypeOf<PublicVacancy['id']>().toEqualTypeOf<string>();
    expectTypeOf<PublicVacancyDetail['description']>().toEqualTypeOf<string>();
    expectTypeOf<PublicFair['venue']>().toEqualTypeOf<string>();
    expectTypeOf<ReferralLetter['verificationCode']>().toEqualTypeOf<string>();
    expectTypeOf<PublicAccount['kind']>().toEqualTypeOf<'seeker' | 'employer'>();
    expectTypeOf<SeekerMatch['score']>().toEqualTypeOf<number>();
    expectTypeOf<Application['vacancyTitle']>().toEqualTypeOf<string>();
    expectTypeOf<Applicant['name']>().toEqualTypeOf<string>();
    expectTypeOf<PublicRegion['code']>().toEqualTypeOf<string>();
    expectTypeOf<Notice['title']>().toEqualTypeOf<string>();
    expectTypeOf<NoticeSource['issuer']>().toEqualTypeOf<string>();
    expectTypeOf<PublicNotice['excerpt']>().toEqualTypeOf<string>();
    expectTypeOf<PublicNoticeDetail['body']>().toEqualTypeOf<string>();
  });
});
