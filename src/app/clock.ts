/**
 * The clock port: the one place the application learns what time it is. Recording stamps come from
 * it, and so does "today" where a command needs a date the record cannot give. Never used in the
 * domain, whose dates come from the input.
 */
export interface Clock {
  /** Now, as an ISO timestamp (the stamp an event is recorded with). */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock stopped at one moment: for tests, and for replaying a recording at a known time. */
export function fixedClock(now: string): Clock {
  return { now: () => now };
}

/** Today's calendar date (UTC), read off the clock. */
export function todayOf(clock: Clock): string {
  return clock.now().slice(0, 10);
}

/**
 * The latest calendar date anywhere on earth at the clock's instant (UTC+14): the last day a fact can
 * have happened on. A clerk in Beijing recording at 07:00 a fact of that day is not refused because
 * the clock's UTC date is still the day before.
 */
export function latestToday(clock: Clock): string {
  return new Date(Date.parse(clock.now()) + 14 * 3_600_000).toISOString().slice(0, 10);
}
