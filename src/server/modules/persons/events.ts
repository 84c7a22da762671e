// Events the persons module announces (platform/events.ts).

declare module '../../platform/events.js' {
  interface DomainEvents {
    /** A person moved to another region of the ledger: rows kept in the person's region by higher modules follow. */
    'person.region_changed': { personId: string; from: string; to: string };
  }
}

export {};
