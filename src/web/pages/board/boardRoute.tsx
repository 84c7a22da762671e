// The public job board's routes, outside the signed-in frame: AppRoutes places this element
// beside /login. /jobs/fairs, /jobs/notices, /jobs/verify and the account pages win over /jobs/:id (static
// segments rank first).
import { Route } from 'react-router-dom';
import { BoardFairsPage } from './BoardFairsPage.js';
import { JobSearchPage } from './JobSearchPage.js';
import { PublicLayout } from './PublicLayout.js';
import { BoardVacancyPage } from './BoardVacancyPage.js';
import { VerifyLetterPage } from './VerifyLetterPage.js';
import { AccountLoginPage } from './AccountLoginPage.js';
import { AccountRegisterPage } from './AccountRegisterPage.js';
import { MyPage } from './MyPage.js';
import { BoardNoticesPage } from './BoardNoticesPage.js';
import { BoardNoticePage } from './BoardNoticePage.js';

/** `<Route path="/jobs">` with the public pages; none needs a login (JOB-7, JOB-8). */
export const boardRoute = (
  <Route path="/jobs" element={<PublicLayout />}>
    <Route index element={<JobSearchPage />} />
    <Route path="fairs" element={<BoardFairsPage />} />
    <Route path="notices" element={<BoardNoticesPage />} />
    <Route path="notices/:id" element={<BoardNoticePage />} />
    <Route path="verify" element={<VerifyLetterPage />} />
    <Route path="login" element={<AccountLoginPage />} />
    <Route path="register" element={<AccountRegisterPage />} />
    <Route path="me" element={<MyPage />} />
    <Route path=":id" element={<BoardVacancyPage />} />
  </Route>
);
