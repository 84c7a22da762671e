// The caseworker's work list (AID-2): the first page a community clerk sees. Today's and overdue
// visits of the persons they are caseworker of, the zero-employment cases of their area due soon or
// overdue (AID-3), and the graduates near their one-to-one deadline (AID-6): counts and the top rows
// of each, read through the lists' own use cases so the work list and the lists agree.
import { requireRole, type Ctx } from '../../platform/context.js';
import * as households from '../households/index.js';
import { listVisitSchedule } from './caseworkService.js';
import { listGraduateService } from './graduateService.js';

/** How many rows of each section the work list shows; the rest are a click away on the list. */
const topRows = { limit: 10, offset: 0 };

/** The signed-in clerk's work list. */
export async function workList(ctx: Ctx) {
  requireRole(ctx, 'clerk');
  const visits = await listVisitSchedule(ctx, { status: 'due', mine: true }, topRows);
  const overdueVisits = await listVisitSchedule(ctx, { status: 'overdue', mine: true }, { limit: 1, offset: 0 });
  const overdueCases = await households.listZeroEmploymentCases(ctx, { status: 'overdue' }, topRows);
  const dueCases = await households.listZeroEmploymentCases(ctx, { status: 'due_soon' }, topRows);
  const overdueGraduates = await listGraduateService(ctx, 'overdue', topRows);
  const dueGraduates = await listGraduateService(ctx, 'due_soon', topRows);
  const me = ctx.actor.id;
  return {
    visits: { total: visits.total, overdue: overdueVisits.total, items: visits.items },
    cases: {
      total: overdueCases.total + dueCases.total,
      overdue: overdueCases.total,
      items: [...overdueCases.items, ...dueCases.items].slice(0, topRows.limit).map((c) => ({
        id: c.id,
        householdId: c.householdId,
        regionCode: c.regionCode,
        detectedOn: c.detectedOn,
        deadline: c.deadline,
        status: c.status,
        caseworkerId: c.caseworkerId,
        caseworkerName: c.caseworkerName,
        mine: c.caseworkerId !== null && c.caseworkerId === me,
        headName: c.headName,
        address: c.address,
        communityName: c.communityName,
      })),
    },
    graduates: {
      total: overdueGraduates.total + dueGraduates.total,
      overdue: overdueGraduates.total,
      items: [...overdueGraduates.items, ...dueGraduates.items].slice(0, topRows.limit).map((g) => ({
        personId: g.personId,
        name: g.name,
        regionCode: g.regionCode,
        deadline: g.deadline,
        status: g.status,
        consultation: g.consultation,
        guidance: g.guidance,
        vacanciesOffered: g.vacanciesOffered,
        vacanciesRequired: g.vacanciesRequired,
      })),
    },
  };
}
