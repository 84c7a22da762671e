import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveEvents, registrationTypes, replayRegistrations, type RegistrationEventLike, type RegistrationType } from './rules.js';

let n = 0;
const ev = (type: RegistrationType, date: string, extra: Partial<RegistrationEventLike> = {}): RegistrationEventLike => ({
  id: `e${++n}`,
  type,
  date,
  details: {},
  createdAt: new Date(1_700_000_000_000 + n * 1000),
  ...extra,
});

/** Event types of the state machine (corrections change other events and are tested on their own). */
const eventTypes = registrationTypes.filter((t) => t !== 'correction');
type State = { employmentStatus: 'not_registered' | 'employed' | 'unemployed'; jobSeeking: boolean };

/** REG-3 as the clerk learns it: which registrations may follow in each state. */
function allowedNext(s: State): RegistrationType[] {
  const allowed: RegistrationType[] = [s.jobSeeking ? 'job_seeking_end' : 'job_seeking'];
  if (s.employmentStatus === 'employed') allowed.push('employment_end');
  else allowed.push('employment', ...(s.employmentStatus === 'unemployed' ? ['unemployment_end' as const] : ['unemployment' as const]));
  return allowed;
}

function afterEvent(s: State, type: RegistrationType): State {
  switch (type) {
    case 'employment':
      return { employmentStatus: 'employed', jobSeeking: false };
    case 'employment_end':
    case 'unemployment_end':
      return { ...s, employmentStatus: 'not_registered' };
    case 'unemployment':
      return { ...s, employmentStatus: 'unemployed' };
    case 'job_seeking':
      return { ...s, jobSeeking: true };
    default:
      return { ...s, jobSeeking: false };
  }
}

const dateOf = (dayOfYear: number) => new Date(Date.UTC(2026, 0, dayOfYear)).toISOString().slice(0, 10);
const day = fc.integer({ min: 1, max: 60 }).map(dateOf);

/**
 * Valid histories built by walking the state machine: each step picks one of the registrations the
 * state allows, on the same day or a few days later. No case is discarded.
 */
const validHistory = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 15 }).map((steps) => {
  let state: State = { employmentStatus: 'not_registered', jobSeeking: false };
  let dayOfYear = 1;
  const events: RegistrationEventLike[] = [];
  for (const [choice, gap] of steps) {
    const allowed = allowedNext(state);
    const type = allowed[choice % allowed.length]!;
    dayOfYear += gap;
    events.push(ev(type, dateOf(dayOfYear)));
    state = afterEvent(state, type);
  }
  return { events, final: state, lastDay: dayOfYear };
});

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
    const events = [
      wrong,
      ev('correction', '2026-01-12', { correctsEventId: wrong.id, details: { action: 'redate', date: '2026-01-05' } }),
    ];
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

  it('REG-3 (property): every history the state machine allows replays without a violation to the state it walked to', () => {
    fc.assert(
      fc.property(validHistory, ({ events, final }) => {
        const { status, violation } = replayRegistrations(events);
        expect(violation).toBeNull();
        expect(status.employmentStatus).toBe(final.employmentStatus);
        expect(status.jobSeeking).toBe(final.jobSeeking);
      }),
    );
  });

  it('REG-3 (property): the status as of a date depends only on events up to that date', () => {
    fc.assert(
      fc.property(validHistory, day, ({ events }, asOf) => {
        const upTo = events.filter((e) => e.date <= asOf);
        expect(replayRegistrations(events, asOf)).toEqual(replayRegistrations(upTo));
      }),
    );
  });

  it('REG-3 (property): an event the state does not allow is refused, naming that event, and the status stays as before it', () => {
    const invalidHistory = validHistory.chain(({ events, final, lastDay }) =>
      fc
        .tuple(
          fc.constantFrom(...eventTypes.filter((type) => !allowedNext(final).includes(type))),
          fc.integer({ min: lastDay, max: lastDay + 3 }),
        )
        .map(([type, d]) => ({ events, final, bad: ev(type, dateOf(d)) })),
    );
    fc.assert(
      fc.property(invalidHistory, ({ events, final, bad }) => {
        const { status, violation } = replayRegistrations([...events, bad]);
        expect(violation).toMatchObject({ eventId: bad.id, rule: expect.any(String), message: expect.any(String) });
        expect(status.employmentStatus).toBe(final.employmentStatus);
        expect(status.jobSeeking).toBe(final.jobSeeking);
      }),
    );
  });
});
