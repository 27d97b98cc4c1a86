// The explorer's periods are whole ISO weeks, Monday to Sunday (UTC): date
// limits are widened to the weeks holding them, so no pair of limits can
// single out the few people who answered on one day. Weeks are numbered from
// the one holding 1970-01-01 (a Thursday), so day 0 is in week 0.

/** Date limits as day numbers (days since 1970-01-01, UTC); null is open. */
export interface Period {
  fromDay: number | null;
  toDay: number | null;
}

/** The week holding a day number. */
export const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);

/** The Monday of a week, as a day number. */
export const firstDayOfWeek = (week: number): number => week * 7 - 3;

/** The Sunday of a week, as a day number. */
export const lastDayOfWeek = (week: number): number => week * 7 + 3;

/** The period widened to whole weeks: from the Monday of its first day's week to the Sunday of its last day's. */
export function wholeWeeks({ fromDay, toDay }: Period): Period {
  return {
    fromDay: fromDay === null ? null : firstDayOfWeek(weekOfDay(fromDay)),
    toDay: toDay === null ? null : lastDayOfWeek(weekOfDay(toDay))
  };
}

/** A day number as YYYY-MM-DD. */
export const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** YYYY-MM-DD as a day number. */
export const dayOfIso = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
