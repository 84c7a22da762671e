import { describe, expect, it } from 'vitest';
import type { RegistrationEvent, ServiceRecord } from '../../types.js';
import { buildTimeline, correctionsByEvent, eventDetails } from './history.js';

const event = (
  id: string,
  type: RegistrationEvent['type'],
  date: string,
  enteredAt: string,
  over: Partial<RegistrationEvent> = {},
): RegistrationEvent => ({
  id,
  personId: 'p',
  type,
  date,
  regionCode: '140105001001',
  details: {},
  correctsEventId: null,
  createdBy: 'clerk',
  unitId: null,
  createdAt: enteredAt,
  ...over,
});

const service: ServiceRecord = {
  id: 's1',
  personId: 'p',
  type: 'referral',
  channel: 'counter',
  date: '2026-03-02',
  staffId: null,
  staffName: '张三',
  unitId: null,
  unitName: '坞城街道劳动保障事务所',
  notes: '推荐保安岗位',
  createdAt: '2026-03-02T02:00:00.000Z',
};

describe('REG-3 a person’s history as the one-stop page shows it', () => {
  const unemployment = event('u', 'unemployment', '2026-03-01', '2026-03-01T01:00:00.000Z', { details: { reason: '单位裁员' } });
  const seeking = event('j', 'job_seeking', '2026-03-01', '2026-03-01T01:05:00.000Z');
  const voiding = event('c1', 'correction', '2026-03-05', '2026-03-05T01:00:00.000Z', {
    correctsEventId: 'j',
    details: { action: 'void', reason: '误录' },
  });
  const redating = event('c2', 'correction', '2026-03-06', '2026-03-06T01:00:00.000Z', {
    correctsEventId: 'u',
    details: { action: 'redate', date: '2026-02-20', reason: '按材料更正' },
  });
  const events = [unemployment, seeking, voiding, redating];

  it('a later correction of the same event wins, as on the server', () => {
    const again = event('c3', 'correction', '2026-03-07', '2026-03-07T01:00:00.000Z', {
      correctsEventId: 'u',
      details: { action: 'void', reason: '重复登记' },
    });
    expect(correctionsByEvent([...events, again]).get('u')).toMatchObject({ action: 'void', correction: { id: 'c3' } });
    expect(correctionsByEvent(events).get('u')).toMatchObject({ action: 'redate', date: '2026-02-20' });
  });

  it('a correction names what it corrects and why', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(eventDetails(voiding, byId)).toBe('作废 2026-03-01 求职登记；原因：误录');
    expect(eventDetails(redating, byId)).toBe('将 2026-03-01 失业登记 的日期更正为 2026-02-20；原因：按材料更正');
    expect(eventDetails(unemployment, byId)).toBe('原因：单位裁员');
    expect(
      eventDetails(
        event('i', 'employment', '2026-01-05', '2026-01-06T01:00:00.000Z', { details: { source: 'import', employerName: '某公司' } }),
        byId,
      ),
    ).toBe('台账导入；某公司');
  });

  it('the timeline puts registrations at their corrected dates, newest first, with services and the ledger entry', () => {
    const timeline = buildTimeline({ events, services: [service], createdAt: '2026-02-01T01:00:00.000Z', createdOn: '2026-02-01' });
    expect(timeline.map((e) => [e.date, e.title, e.voided])).toEqual([
      ['2026-03-06', '更正', false],
      ['2026-03-05', '更正', false],
      ['2026-03-02', '服务：职业介绍', false],
      ['2026-03-01', '求职登记', true],
      ['2026-02-20', '失业登记', false],
      ['2026-02-01', '登记入台账', false],
    ]);
    expect(timeline.find((e) => e.title === '失业登记')?.detail).toContain('原登记日期 2026-03-01，已更正');
  });
});
