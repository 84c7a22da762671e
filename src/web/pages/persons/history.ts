// Reading a person's history: which registrations corrections changed, a line of text per event,
// and one timeline merging registrations and services by date. Pure, so it is unit-tested.
import { correctionActionNames, employmentFormNames, registrationTypeNames, serviceChannelNames, serviceTypeNames } from '../../labels.js';
import type { RegistrationEvent, ServiceRecord } from '../../types.js';

/** What the latest correction of an event did to it. */
export interface AppliedCorrection {
  action: 'void' | 'redate';
  /** The corrected date, for redate. */
  date?: string;
  correction: RegistrationEvent;
}

/** The corrections in force, by the id of the event they correct (a later correction wins, as on the server). */
export function correctionsByEvent(events: readonly RegistrationEvent[]): Map<string, AppliedCorrection> {
  const applied = new Map<string, AppliedCorrection>();
  const byEntry = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const e of byEntry) {
    if (e.type !== 'correction' || !e.correctsEventId) continue;
    const action = e.details?.action === 'redate' ? 'redate' : 'void';
    applied.set(e.correctsEventId, { action, date: e.details?.date, correction: e });
  }
  return applied;
}

/** "2024-03-01 失业登记" — how one event is named in texts and pickers. */
export function eventLabel(e: RegistrationEvent): string {
  return `${e.date} ${registrationTypeNames[e.type] ?? e.type}`;
}

/** What a correction did: "作废 2024-03-01 失业登记" or "将 … 的日期更正为 2024-02-01". */
export function correctionSummary(e: RegistrationEvent, byId: ReadonlyMap<string, RegistrationEvent>): string {
  const target = e.correctsEventId ? byId.get(e.correctsEventId) : undefined;
  const what = target ? eventLabel(target) : '（原记录不可见）';
  return e.details?.action === 'redate' ? `将 ${what} 的日期更正为 ${e.details.date ?? '?'}` : `${correctionActionNames.void} ${what}`;
}

/** The details of an event as one line: form, employer, reason; for a correction, what it did. */
export function eventDetails(e: RegistrationEvent, byId: ReadonlyMap<string, RegistrationEvent>): string {
  const d = e.details ?? {};
  const reason = d.reason && `原因：${d.reason}`;
  if (e.type === 'correction') return [correctionSummary(e, byId), reason].filter(Boolean).join('；');
  return [d.source === 'import' && '台账导入', d.employmentForm && employmentFormNames[d.employmentForm], d.employerName, reason]
    .filter(Boolean)
    .join('；');
}

export interface TimelineEntry {
  key: string;
  date: string;
  kind: 'registration' | 'correction' | 'service' | 'created';
  title: string;
  detail: string;
  color: string;
  /** Voided by a correction: shown struck through. */
  voided: boolean;
  /** For ordering entries of one date: the later entry first. */
  enteredAt: string;
}

const kindColors = { registration: 'blue', correction: 'purple', service: 'gray', created: 'green' } as const;

/** Registrations (at their corrected dates), corrections, services and the ledger entry, newest first. */
export function buildTimeline(input: {
  events: readonly RegistrationEvent[];
  services: readonly ServiceRecord[];
  createdAt?: string;
  createdOn?: string;
}): TimelineEntry[] {
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const corrections = correctionsByEvent(input.events);
  const entries: TimelineEntry[] = input.events.map((e) => {
    const applied = corrections.get(e.id);
    const redated = applied?.action === 'redate' && applied.date ? applied.date : undefined;
    const detail = eventDetails(e, byId);
    const note = applied ? (applied.action === 'void' ? '已作废' : `原登记日期 ${e.date}，已更正`) : '';
    return {
      key: `reg-${e.id}`,
      date: redated ?? e.date,
      kind: e.type === 'correction' ? 'correction' : 'registration',
      title: registrationTypeNames[e.type] ?? e.type,
      detail: [detail, note].filter(Boolean).join('；'),
      color: e.type === 'correction' ? kindColors.correction : applied?.action === 'void' ? 'gray' : kindColors.registration,
      voided: applied?.action === 'void',
      enteredAt: e.createdAt,
    };
  });
  for (const s of input.services) {
    entries.push({
      key: `svc-${s.id}`,
      date: s.date,
      kind: 'service',
      title: `服务：${serviceTypeNames[s.type] ?? s.type}`,
      detail: [`${serviceChannelNames[s.channel] ?? s.channel}`, `${s.staffName}${s.unitName ? `（${s.unitName}）` : ''}`, s.notes]
        .filter(Boolean)
        .join('；'),
      color: kindColors.service,
      voided: false,
      enteredAt: s.createdAt,
    });
  }
  if (input.createdAt && input.createdOn) {
    entries.push({
      key: 'created',
      date: input.createdOn,
      kind: 'created',
      title: '登记入台账',
      detail: '',
      color: kindColors.created,
      voided: false,
      enteredAt: input.createdAt,
    });
  }
  return entries.sort((a, b) => (a.date !== b.date ? b.date.localeCompare(a.date) : b.enteredAt.localeCompare(a.enteredAt)));
}
