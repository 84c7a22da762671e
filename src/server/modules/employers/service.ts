// Employers (JOB-1): the registry keyed by the unified social credit code (GB 32100), and their
// hiring and labour-contract filings. Job officers keep it; an employer account may register its
// own employer (source 'self').
import crypto from 'node:crypto';
import { parseCreditCode } from '../../../shared/creditCode.js';
import { isIndustryCode } from '../../../shared/industries.js';
import type { EmployerFilingKind } from '../../../shared/labels.js';
import { writeAudit } from '../../platform/audit.js';
import { shanghaiDateOf } from '../../platform/clock.js';
import { anywhereCtx, assertWritableRegion, type Ctx, ownRecordCtx, requireRole, withTransaction } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Paging } from '../../platform/http.js';
import * as personRepo from '../persons/index.js';
import { assertRegionExists } from '../regions/index.js';
import * as repo from './repo.js';
import { withEntrantNames } from '../staff/index.js';

export interface EmployerInput {
  name: string;
  creditCode: string;
  regionCode: string;
  industry?: string | null | undefined;
  size?: string | null | undefined;
  ownership?: string | null | undefined;
  address?: string | null | undefined;
  contactName?: string | null | undefined;
  contactPhone?: string | null | undefined;
  description?: string | null | undefined;
}

/** The normalised credit code, or INVALID_CREDIT_CODE saying what is wrong. */
export function validCreditCode(input: string): string {
  const parsed = parseCreditCode(input);
  if (!parsed.ok)
    throw new AppError('INVALID_CREDIT_CODE', parsed.message, [{ path: '/creditCode', code: parsed.problem, message: parsed.message }]);
  return parsed.value.creditCode;
}

/**
 * Refuses an industry that is neither a 门类 nor one of the 97 大类 of GB/T 4754-2017 (`C`, `C34`
 * are; `C99` is not): the schema checks the shape, this the official list.
 */
function assertIndustry(industry: string | null | undefined) {
  if (industry && !isIndustryCode(industry)) {
    const message = `${industry} 不是《国民经济行业分类》（GB/T 4754-2017）的门类或大类代码，请按门类字母或“门类字母+两位大类代码”（如 C34）选择`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: '/industry', code: 'UNKNOWN_INDUSTRY', message }]);
  }
}

const optional = (input: EmployerInput) => ({
  industry: input.industry ?? null,
  size: input.size ?? null,
  ownership: input.ownership ?? null,
  address: input.address ?? null,
  contactName: input.contactName ?? null,
  contactPhone: input.contactPhone ?? null,
  description: input.description ?? null,
});

/** Registers an employer in scope; a credit code already registered answers 409 CONFLICT. */
export async function createEmployer(ctx: Ctx, input: EmployerInput) {
  requireRole(ctx, 'job_officer');
  return insertEmployer(ctx, input, 'counter');
}

/**
 * An employer registering itself with its public account (JOB-7): no staff role; it may write
 * only its own region. The accounts module has checked the account's phone and password.
 */
export async function registerEmployerSelf(ctx: Ctx, input: EmployerInput) {
  return insertEmployer(ownRecordCtx(ctx, input.regionCode), input, 'self');
}

/** One employer by id whatever the caller's scope, for a public use case on the account's own employer. */
export function findOwnEmployer(ctx: Ctx, id: string) {
  return repo.findEmployer(anywhereCtx(ctx), id);
}

async function insertEmployer(ctx: Ctx, input: EmployerInput, source: 'counter' | 'self') {
  const creditCode = validCreditCode(input.creditCode);
  assertIndustry(input.industry);
  assertWritableRegion(ctx, input.regionCode);
  await assertRegionExists(ctx, input.regionCode);
  return withTransaction(ctx, async (tx) => {
    const existing = await repo.findByCreditCode(tx, creditCode);
    if (existing) {
      const where = existing.regionCode.startsWith(tx.actor.scope) ? `（${existing.name}）` : '（在其他辖区登记，请联系上级机构）';
      throw new AppError('CONFLICT', `统一社会信用代码 ${creditCode} 已登记${where}`, [
        { path: '/creditCode', code: 'DUPLICATE_EMPLOYER', message: '该统一社会信用代码已登记' },
      ]);
    }
    const now = tx.now();
    const row = {
      id: crypto.randomUUID(),
      name: input.name.trim(),
      creditCode,
      regionCode: input.regionCode,
      ...optional(input),
      source,
      unitId: tx.actor.unitId,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertEmployer(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'employer', entityId: row.id, regionCode: row.regionCode, after: row });
    return (await repo.findEmployer(anywhereCtx(tx), row.id))!;
  });
}

/** Employers in scope. */
export function listEmployers(ctx: Ctx, filter: repo.EmployerFilter, paging: Paging) {
  return repo.listEmployers(ctx, filter, paging);
}

/** One employer in scope with its filings; NOT_FOUND outside the scope. */
export async function getEmployer(ctx: Ctx, id: string) {
  const employer = await repo.findEmployer(ctx, id);
  if (!employer) throw notFound('用人单位');
  return employer;
}

/** Changes an employer's details (not the credit code, which is its identity). */
export async function updateEmployer(ctx: Ctx, id: string, input: Partial<Omit<EmployerInput, 'creditCode'>>) {
  requireRole(ctx, 'job_officer');
  assertIndustry(input.industry);
  return withTransaction(ctx, async (tx) => {
    const before = await repo.findEmployer(tx, id);
    if (!before) throw notFound('用人单位');
    if (input.regionCode && input.regionCode !== before.regionCode) {
      assertWritableRegion(tx, input.regionCode);
      await assertRegionExists(tx, input.regionCode);
    }
    const patch = Object.fromEntries(Object.entries({ ...input, name: input.name?.trim() }).filter(([, v]) => v !== undefined));
    await repo.updateEmployer(tx, id, { ...patch, updatedAt: tx.now() });
    const after = (await repo.findEmployer(anywhereCtx(tx), id))!;
    await writeAudit(tx, { action: 'update', entity: 'employer', entityId: id, regionCode: before.regionCode, before, after });
    return after;
  });
}

export interface FilingInput {
  kind: EmployerFilingKind;
  personName: string;
  personId?: string | undefined;
  date: string;
  contractEnd?: string | undefined;
  notes?: string | undefined;
}

/** Records a hiring or labour-contract filing of an employer in scope. */
export async function addFiling(ctx: Ctx, employerId: string, input: FilingInput) {
  requireRole(ctx, 'job_officer');
  if (input.date > shanghaiDateOf(ctx.now()))
    throw new AppError('RULE_VIOLATION', '备案日期不能晚于今天', [{ path: '/date', code: 'FUTURE_DATE', message: '备案日期不能晚于今天' }]);
  if (input.contractEnd && input.contractEnd < input.date)
    throw new AppError('VALIDATION_FAILED', '合同终止日期不能早于备案日期', [
      { path: '/contractEnd', code: 'BEFORE_START', message: '合同终止日期不能早于备案日期' },
    ]);
  return withTransaction(ctx, async (tx) => {
    const employer = await repo.findEmployer(tx, employerId);
    if (!employer) throw notFound('用人单位');
    if (input.personId && !(await personRepo.findPerson(tx, input.personId))) throw notFound('人员');
    const row = {
      id: crypto.randomUUID(),
      employerId,
      kind: input.kind,
      personId: input.personId ?? null,
      personName: input.personName.trim(),
      date: input.date,
      contractEnd: input.contractEnd ?? null,
      notes: input.notes ?? null,
      regionCode: employer.regionCode,
      createdBy: tx.actor.username,
      unitId: tx.actor.unitId,
      createdAt: tx.now(),
    };
    await repo.insertFiling(tx, row);
    await writeAudit(tx, { action: 'create', entity: 'employer_filing', entityId: row.id, regionCode: employer.regionCode, after: row });
    return row;
  });
}

/** An employer's filings (the employer must lie in scope). */
export async function filingsOf(ctx: Ctx, employerId: string) {
  await getEmployer(ctx, employerId);
  return withEntrantNames(ctx, await repo.filingsOf(ctx, employerId));
}
