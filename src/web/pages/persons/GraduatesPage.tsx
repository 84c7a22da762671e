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
      emptyText={
        <>
          管辖范围内还没有高校毕业生。人员的“毕业年份”已填写，或“人员类别”含“高校毕业生”，即列在这里：
          <br />
          在人员详情的“基本信息”中点“编辑”填写，或登记新人员时填写。
        </>
      }
      extraColumns={[
        { title: '毕业院校', dataIndex: 'school', render: (v: string | null) => v ?? '—' },
        { title: '毕业年份', dataIndex: 'graduationYear', render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
}
