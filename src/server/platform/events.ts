// Domain events inside the transaction (docs/architecture.md "Layers and events"). A lower module
// announces what happened with `emit(ctx, name, payload)`; a higher module that must react
// subscribes once, when the app is wired (src/server/wiring.ts), and its handler runs in the same
// transaction. So a hire fills a vacancy and a registration reassesses a household without the
// lower module knowing either exists, and a failing handler cancels the whole change.
import type { Ctx } from './context.js';

/**
 * The events and their payloads. Each emitting module adds its own entries by declaration merging
 * in its `events.ts`, so a payload's type lives with the module that sends it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents;
export type DomainEventHandler<K extends DomainEventName> = (ctx: Ctx, payload: DomainEvents[K]) => Promise<void>;

const handlers = new Map<DomainEventName, DomainEventHandler<DomainEventName>[]>();
let wired = false;

/** Subscribes a handler; called only while wiring, before the first event. */
export function subscribe<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): void {
  const list = handlers.get(name) ?? [];
  list.push(handler as unknown as DomainEventHandler<DomainEventName>);
  handlers.set(name, list);
}

/** Runs `wire` (which subscribes every handler) once per process, however many apps are built. */
export function wireOnce(wire: () => void): void {
  if (wired) return;
  wire();
  wired = true;
}

/**
 * Announces an event to its subscribers, in subscription order, inside the caller's transaction.
 * Throws when not in a transaction (a reaction must commit or roll back with its cause) or when
 * the handlers were never wired (a silently unheard event would lose a hire or a case).
 */
export async function emit<K extends DomainEventName>(ctx: Ctx, name: K, payload: DomainEvents[K]): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`domain event ${name} must be emitted inside the change's transaction`);
  if (!wired) throw new Error(`domain event ${name} emitted before the app's event handlers were wired (call wireDomainEvents)`);
  for (const handler of handlers.get(name) ?? []) await handler(ctx, payload);
}
