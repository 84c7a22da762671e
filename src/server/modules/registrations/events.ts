// Events the registrations module announces (platform/events.ts).
import type { RegistrationType } from '../../../shared/labels.js';

declare module '../../platform/events.js' {
  interface DomainEvents {
    /** A registration event was stored and the person's status projection updated (REG-3). */
    'registration.appended': {
      eventId: string;
      personId: string;
      type: RegistrationType;
      /** The event's own date (bureaus enter history late). */
      date: string;
      regionCode: string;
      /** The Shanghai calendar date of the change, for reassessments "as of now". */
      today: string;
      /** Of an employment registration: its form (employer, self_employed, flexible ...) and employer, as recorded. */
      employmentForm?: string | undefined;
      employerName?: string | undefined;
    };
  }
}
