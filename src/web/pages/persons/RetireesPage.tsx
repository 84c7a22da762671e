// 退休人员社会化管理 (REG-6): community-managed retirees have a list of their own. It is the
// person list with the retiree filter fixed.
import { PersonsPage } from './PersonsPage.js';

const retireesQuery = { retiree: true };

/** The retirees list at /retirees. */
export function RetireesPage() {
  return <PersonsPage title="退休人员" exportName="退休人员名册" fixedQuery={retireesQuery} />;
}
