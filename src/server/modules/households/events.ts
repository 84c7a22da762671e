// Events the households module announces (platform/events.ts).

declare module '../../platform/events.js' {
  interface DomainEvents {
    /**
     * A household stopped being a zero-employment household (a member found work, a member joined
     * or left): what rested on it, such as its members' hard-to-employ recognitions (AID-1), ends.
     */
    'household.zero_employment_ended': {
      householdId: string;
      /** The members when it ended. */
      personIds: string[];
      regionCode: string;
      /** The day of the reassessment. */
      date: string;
    };
    /** A person left a household (moved out, deceased...): what rested on their membership ends. */
    'household.member_removed': { householdId: string; personId: string; regionCode: string; date: string };
  }
}

export {};
