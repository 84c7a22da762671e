// 求职人员 (JOB-4, issue 12): the job officer's way to the seeker side of matching. The job
// seekers in scope (a job-seeking registration or registered unemployed), searched by name or a
// full ID number; each opens the seeker page with the vacancies that fit them. It is the person
// list with the seeker filter fixed; the server lets a job officer read no other person.
import { PersonsPage } from '../persons/PersonsPage.js';

const seekersQuery = { seeker: true };
const seekerPage = (id: string) => `/seekers/${id}`;

/** The seeker list at /seekers. */
export function SeekersPage() {
  return (
    <PersonsPage
      title="求职人员"
      exportName="求职人员名册"
      fixedQuery={seekersQuery}
      personPath={seekerPage}
      actionLabel="匹配岗位"
      emptyText={
        <>
          管辖范围内暂无求职人员。经办员为人员办理求职登记或失业登记后，该人员即列在这里，
          <br />
          可查看为其匹配的岗位并推荐。
        </>
      }
    />
  );
}
