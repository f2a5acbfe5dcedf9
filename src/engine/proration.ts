/**
 * Proration: the share of a period (inclusive Excel date serials) a person was active.
 * DAYS counts days. MONTHS counts each calendar month of the period as one, a partial month by
 * its share of that month's days, so joining on Feb 15 of a calendar year is worth
 * 10 + 14/28 = 10.5 of 12 months, not 320/365 of the days.
 */
import { daysInMonth, serialOfYmd, serialToDate } from "./dates";

export const PRORATION_BASES = ["DAYS", "MONTHS"] as const;
export type ProrationBasis = (typeof PRORATION_BASES)[number];

/** Inclusive integer day ranges. */
function overlapDays(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart) + 1);
}

/**
 * Share in [0, 1]. Callers validate: whole-day serials, periodEnd ≥ periodStart,
 * activeEnd ≥ activeStart.
 */
export function activeShare(
  periodStart: number,
  periodEnd: number,
  activeStart: number,
  activeEnd: number,
  basis: ProrationBasis
): number {
  const from = Math.max(periodStart, activeStart);
  const to = Math.min(periodEnd, activeEnd);
  if (to < from) return 0;
  if (basis === "DAYS") return (to - from + 1) / (periodEnd - periodStart + 1);
  let periodMonths = 0;
  let activeMonths = 0;
  const first = serialToDate(periodStart);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  for (;;) {
    const monthStart = serialOfYmd(year, month, 1);
    if (monthStart > periodEnd) break;
    const days = daysInMonth(year, month);
    const monthEnd = monthStart + days - 1;
    periodMonths += overlapDays(periodStart, periodEnd, monthStart, monthEnd) / days;
    activeMonths += overlapDays(from, to, monthStart, monthEnd) / days;
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return Math.min(1, activeMonths / periodMonths);
}
