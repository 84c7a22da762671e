import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveEvents, registrationTypes, replayRegistrations, type RegistrationEventLike, type RegistrationType } from './rules.js';

let n = 0;
const ev = (type: RegistrationType, date: string, extra: Partial<RegistrationEventLike> = {}): RegistrationEventLike => ({ id: `e${++n}`, type, date, details: {}, createdAt: new Date(1_700_000_000_000 + n * 1000), ...extra });

describe('REG-3 registrations are events; status is derived', () => {
  it('REG-3 unemployment, then employment, then its end gives unemployed → employed → not registered', () => {
    const events = [ev('unemployment', '2026-01-10'), ev('employment', '2026-03-01'), ev('employment_end', '2026-06-30')];
    expect(replayRegistrations(events, '2026-01-09').status.employmentStatus).toBe('not_registered');
    expect(replayRegistrations(events, '2026-01-10').status).toMatchObject({ employmentStatus: 'unemployed', statusSince: '2026-01-10' });
    expect(replayRegistrations(events, '2026-03-01').status.employmentStatus).toBe('employed');
    expect(replayRegistrations(events).status).toMatchObject({ employmentStatus: 'not_registered', statusSince: '2026-06-30' });
  });

  it('REG-3 no unemployment registration while employed without an end of employment first', () => {
    const { violation } = replayRegistrations([ev('employment', '2026-01-01'), ev('unemployment', '2026-02-01')]);
    expect(violation).toMatchObject({ rule: 'EMPLOYED_NOT_ENDED' });
  });

  it('REG-3 events entered out of order are replayed in date order', () => {
    const late = ev('employment_end', '2026-05-01');
    const early = ev('employment', '2026-02-01');
    expect(replayRegistrations([late, early]).violation).toBeNull();
  });

  it('REG-3 a correction voids an event or moves its date, and the earlier event stays in history', () => {
    const wrong = ev('unemployment', '2026-01-10');
    const events = [wrong, ev('correction', '2026-01-12', { correctsEventId: wrong.id, details: { action: 'redate', date: '2026-01-05' } })];
    expect(replayRegistrations(events, '2026-01-06').status.employmentStatus).toBe('unemployed');
    const voided = [wrong, ev('correction', '2026-01-12', { correctsEventId: wrong.id, details: { action: 'void' } })];
    expect(replayRegistrations(voided).status.employmentStatus).toBe('not_registered');
    expect(effectiveEvents(voided)).toHaveLength(0);
  });

  it('REG-3 job seeking is tracked beside employment status and ends on employment', () => {
    const events = [ev('job_seeking', '2026-01-01'), ev('unemployment', '2026-01-02')];
    expect(replayRegistrations(events).status).toMatchObject({ employmentStatus: 'unemployed', jobSeeking: true });
    expect(replayRegistrations([...events, ev('employment', '2026-02-01')]).status.jobSeeking).toBe(false);
    expect(replayRegistrations([ev('job_seeking_end', '2026-01-01')]).violation).toMatchObject({ rule: 'NOT_SEEKING' });
  });

  it('REG-3 (property): the status as of a date depends only on events up to that date', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
    const types = registrationTypes.filter((t) => t !== 'correction');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...types), day), { maxLength: 10 }), day, (raw, asOf) => {
        const events = raw.map(([t, d]) => ev(t, d));
        const upTo = events.filter((e) => e.date <= asOf);
        const a = replayRegistrations(events, asOf);
        const b = replayRegistrations(upTo);
        if (a.violation) return true;
        return JSON.stringify(a.status) === JSON.stringify(b.status);
      }),
    );
  });
});
