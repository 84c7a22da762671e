// Calendar dates are Asia/Shanghai dates (DESIGN idea 4); the clock is injectable for tests.

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiDate.format(instant);
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const shanghaiTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

/** 'YYYY-MM-DD HH:MM:SS' in Beijing time, for Excel exports and printed pages. */
export function shanghaiDateTimeText(instant: Date): string {
  return shanghaiTime.format(instant);
}
