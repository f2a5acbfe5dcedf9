/**
 * Words and numbers for the plan on a page: amounts either in currency (when the plan's median
 * target incentive comes from Reps) or as a share of target incentive (when it does not), and
 * plain descriptions of payout curves. Pure: no locale, no clock.
 */
import { curveLandmarks, type CurveLandmarks } from "./curveLandmarks";
import { DEFAULT_FIGURE_SETTINGS, pct, withCurrencySymbol, type FigureSettings } from "./figures";
import type { CurveDefinition } from "./plan";

/** 1234567.8 → "1,234,568"; 37.5 → "37.50": whole units from 100 up, cents below. */
export function groupedNumber(value: number): string {
  const abs = Math.abs(value);
  const decimals = abs >= 100 || Number.isInteger(Math.round(abs * 100) / 100) ? 0 : 2;
  const fixed = abs.toFixed(decimals);
  const [whole, cents] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && +fixed !== 0 ? "-" : "";
  return `${sign}${grouped}${cents ? `.${cents}` : ""}`;
}

/**
 * "$1,234": currency as the sheets format it ("$#,##0"), with cents below 100; in the workbook's
 * currency where its symbol goes ("1,234 €" for EUR in de-DE).
 */
export const money = (value: number, figures: FigureSettings = DEFAULT_FIGURE_SETTINGS): string =>
  withCurrencySymbol(groupedNumber(Math.abs(value)), value < 0, figures);

/**
 * An amount of pay: currency when `inCurrency`, else (a target incentive of 1) a share of
 * target incentive, e.g. "140% of target incentive".
 */
export const amount = (
  value: number,
  inCurrency: boolean,
  figures: FigureSettings = DEFAULT_FIGURE_SETTINGS
): string => (inCurrency ? money(value, figures) : `${pct(value)} of target incentive`);

/**
 * What a curve pays, in one sentence for a rep: the threshold, the shape between points, and
 * what happens past the last point. The threshold and the cap are the curve's landmarks
 * (src/engine/curveLandmarks.ts), the same numbers the pulse check uses.
 */
export function describeCurve(
  curve: Pick<CurveDefinition, "points" | "rates" | "method" | "beyond">
): string {
  const { points, rates, method, beyond } = curve;
  if (points.length === 0) return "Pays nothing: the curve has no points.";
  const marks = curveLandmarks(curve);
  if (marks.threshold === null) return "Pays nothing at any attainment.";
  const last = points.length - 1;
  const top = `${pct(rates[last])} of target from ${pct(points[last])} attainment`;
  if (method === "STEP") {
    const first = points.indexOf(marks.threshold);
    const start = `Pays nothing below ${pct(marks.threshold)} attainment, then ${pct(rates[first])} of target`;
    return first === last
      ? `${start}, however far above it you go.`
      : `${start}; in steps, the rate of the highest point you reach, up to ${top}.`;
  }
  const start =
    marks.threshold <= 0
      ? "Pays from the first dollar"
      : marks.thresholdInclusive
        ? `Pays ${pct(rates[points.indexOf(marks.threshold)])} of target as soon as you reach ${pct(marks.threshold)} attainment and nothing below it`
        : `Starts paying above ${pct(marks.threshold)} attainment`;
  if (last === 0) return `${start}; ${pct(rates[0])} of target from there on.`;
  const end =
    beyond === "EXTEND"
      ? `keeps rising past ${pct(points[last])} attainment at the same rate (no cap)`
      : `is capped at ${top}`;
  return `${start}; rises in a straight line between the points; ${end}.`;
}

/**
 * The curve's landmarks in one line, as the pulse check counts reps at them: "Threshold: pays
 * above 50% attainment · target 100% · excellence (150% of target) 125% · cap 150%".
 */
export function describeLandmarks(l: CurveLandmarks): string {
  if (l.threshold === null) return "Landmarks: the curve never pays.";
  const parts = [
    `threshold ${l.thresholdInclusive ? "at" : "above"} ${pct(l.threshold)}`,
    `target ${l.target === null ? "never reached" : pct(l.target)}`,
    `excellence (${pct(l.excellenceRate)} of target) ${l.excellence === null ? (l.cap !== null ? "none below the cap" : "never reached") : pct(l.excellence)}`,
    `cap ${l.cap === null ? "none" : pct(l.cap)}`,
  ];
  return `Landmarks (attainment): ${parts.join(" · ")}.`;
}
