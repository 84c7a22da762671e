// 高校毕业生 (REG-4): unemployed college graduates have a list (and counter) of their own. It is
// the person list with the graduates filter fixed, 登记失业 preset and the school columns.
import { PersonsPage } from './PersonsPage.js';

const graduatesQuery = { graduate: true };

/** The graduates list at /graduates. */
export function GraduatesPage() {
  return (
    <PersonsPage
      title="高校毕业生"
      exportName="高校毕业生名册"
      fixedQuery={graduatesQuery}
      initialSearch={{ status: 'unemployed' }}
      extraColumns={[
        { title: '毕业院校', dataIndex: 'school', render: (v: string | null) => v ?? '—' },
        { title: '毕业年份', dataIndex: 'graduationYear', render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
}
