// Staff names for the logins the unemployment-insurance records keep (who took and decided a claim,
// built and approved a payment run, requested and approved a fund transfer): pages show people.
import type { Ctx } from '../../platform/context.js';
import { withEntrantNames } from '../staff/index.js';

/** Login → staff name for the logins given (null skipped); a login with no staff member names itself. */
export async function staffNamesOf(ctx: Ctx, logins: (string | null)[]): Promise<(login: string | null) => string | null> {
  const distinct = [...new Set(logins.filter((l): l is string => !!l))];
  const named =
    distinct.length > 0
      ? await withEntrantNames(
          ctx,
          distinct.map((createdBy) => ({ createdBy })),
        )
      : [];
  const names = new Map(named.map((r) => [r.createdBy, r.createdByName]));
  return (login) => (login ? (names.get(login) ?? login) : null);
}

/** Adds `createdByName` and `approvedByName` to fund transfers (payment runs name their resumers too: paymentRuns.ts). */
export async function withCreatorNames<T extends { createdBy: string; approvedBy: string | null }>(ctx: Ctx, rows: T[]) {
  const nameOf = await staffNamesOf(
    ctx,
    rows.flatMap((r) => [r.createdBy, r.approvedBy]),
  );
  return rows.map((r) => ({ ...r, createdByName: nameOf(r.createdBy)!, approvedByName: nameOf(r.approvedBy) }));
}
