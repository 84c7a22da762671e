// 退休人员社会化管理 (REG-6): community-managed retirees have a list of their own. It is the
// person list with the retiree filter fixed.
import { PersonsPage } from './PersonsPage.js';

const retireesQuery = { retiree: true };

/** The retirees list at /retirees. */
export function RetireesPage() {
  return (
    <PersonsPage
      title="退休人员"
      exportName="退休人员名册"
      fixedQuery={retireesQuery}
      emptyText={
        <>
          管辖范围内还没有社区管理的退休人员。人员标为“社区管理的退休人员”即列在这里：
          <br />
          在人员详情的“基本信息”中点“编辑”勾选，或登记新人员时勾选。
        </>
      }
    />
  );
}
