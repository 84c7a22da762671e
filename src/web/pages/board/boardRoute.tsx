// The public job board's routes, outside the signed-in frame: AppRoutes places this element
// beside /login. /jobs/fairs and /jobs/verify win over /jobs/:id (static segments rank first).
import { Route } from 'react-router-dom';
import { BoardFairsPage } from './BoardFairsPage.js';
import { JobSearchPage } from './JobSearchPage.js';
import { PublicLayout } from './PublicLayout.js';
import { BoardVacancyPage } from './BoardVacancyPage.js';
import { VerifyLetterPage } from './VerifyLetterPage.js';

/** `<Route path="/jobs">` with the four public pages; no login needed (JOB-7, JOB-8). */
export const boardRoute = (
  <Route path="/jobs" element={<PublicLayout />}>
    <Route index element={<JobSearchPage />} />
    <Route path="fairs" element={<BoardFairsPage />} />
    <Route path="verify" element={<VerifyLetterPage />} />
    <Route path=":id" element={<BoardVacancyPage />} />
  </Route>
);
