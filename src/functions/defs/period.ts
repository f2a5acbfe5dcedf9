/** Period mechanics: PRORATE (part-period participants) and DRAW (advances against pay). */
import { MAX_SERIAL } from "../../engine/dates";
import { drawStep } from "../../engine/draw";
import { CompError, numError, valueError } from "../../engine/errors";
import { PRORATION_BASES, activeShare } from "../../engine/proration";
import {
  booleanArg,
  fail,
  guarded,
  isBlank,
  notANumber,
  numberArg,
  shapeOf,
  wordArg,
} from "../args";
import { finite, mapElements } from "../elementwise";
import { elementwiseResult } from "../shapes";
import type { FunctionSpec } from "../spec";
import { elementParam, rangeParam, valueParam, wordParam } from "../params";

const blankDate = (name: string) => valueError(`${name} is blank`);

function dateProblem(name: string, serial: number): CompError | null {
  return serial < 0 || serial > MAX_SERIAL
    ? numError(`${name} ${serial} is not a date serial between 0 and ${MAX_SERIAL}`)
    : null;
}

export const PRORATE: FunctionSpec = {
  name: "PRORATE",
  description:
    "Prorates an amount by the share of the period (inclusive dates) the person was active, by days or by months.",
  params: [
    elementParam(
      "amount",
      "Amount to prorate (quota, target incentive, payout); a value or a range."
    ),
    elementParam("period_start", "First day of the period (a date)."),
    elementParam("period_end", "Last day of the period (a date, inclusive)."),
    elementParam("active_start", "First active day (hire or plan start date); a value or a range."),
    rangeParam("active_end", "Last active day; blank or omitted when still active.", {
      optional: true,
      elementwise: true,
    }),
    wordParam(
      "basis",
      '"DAYS" (default) or "MONTHS": each calendar month counts one, a partial month by its share of days.'
    ),
  ],
  result: { dimensionality: "matrix" },
  example: {
    formula: '=COMP.PRORATE(12000, DATE(2025,1,1), DATE(2025,12,31), DATE(2025,2,15), , "MONTHS")',
    result: "10500",
  },
  errors: [
    "#NUM!: period_end before period_start, active_end before active_start, a date outside Excel's range",
    "#VALUE!: a blank period or active_start date, text where a date belongs",
    '#VALUE!: basis other than "DAYS"/"MONTHS"',
  ],
  resultShape: elementwiseResult(0, 1, 2, 3, 4),
  impl: guarded((amount, periodStart, periodEnd, activeStart, activeEnd, basisArg) => {
    const basis = wordArg(basisArg, "basis", PRORATION_BASES, "DAYS");
    return mapElements(
      [
        { arg: amount, name: "amount", blank: "zero" },
        { arg: periodStart, name: "period_start", blank: blankDate("period_start") },
        { arg: periodEnd, name: "period_end", blank: blankDate("period_end") },
        { arg: activeStart, name: "active_start", blank: blankDate("active_start") },
        { arg: activeEnd, name: "active_end", blank: "absent" },
      ],
      (value, periodStartV, periodEndV, activeStartV, activeEndV) => {
        const ps = Math.floor(periodStartV);
        const pe = Math.floor(periodEndV);
        const as = Math.floor(activeStartV);
        const ae = Number.isNaN(activeEndV) ? MAX_SERIAL : Math.floor(activeEndV);
        const bad =
          dateProblem("period_start", ps) ??
          dateProblem("period_end", pe) ??
          dateProblem("active_start", as) ??
          dateProblem("active_end", ae);
        if (bad) return bad;
        if (pe < ps) return numError("period_end is before period_start");
        if (ae < as) return numError("active_end is before active_start");
        return value * activeShare(ps, pe, as, ae, basis);
      }
    );
  }),
};

const DRAW_OUTPUTS = ["PAID", "BALANCE"] as const;

export const DRAW: FunctionSpec = {
  name: "DRAW",
  description:
    "Runs a draw over a column of period earnings: what is paid each period, or the unrecovered draw after it.",
  params: [
    rangeParam(
      "earnings",
      "Earnings per period, in order: a column (or a row); a blank period earned 0."
    ),
    valueParam("draw", "The draw guaranteed each period."),
    valueParam(
      "recoverable",
      "TRUE (default): shortfalls are advanced and repaid from later earnings above the draw; FALSE: a floor, nothing carried.",
      { optional: true }
    ),
    wordParam(
      "output",
      '"PAID" (default): pay each period; "BALANCE": unrecovered draw after each period.'
    ),
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.DRAW({3000;8000;12000}, 5000)", result: "{5000;6000;12000}" },
  errors: [
    "#NUM!: a negative draw; a negative earnings cell (that period and every later one)",
    "#VALUE!: earnings neither a column nor a row; a text earnings cell (that period and every later one)",
    '#VALUE!: output other than "PAID"/"BALANCE"',
  ],
  // A column or a row spills its own shape; anything 2-D is a single #VALUE!.
  resultShape: (shapes) =>
    shapes[0] && (shapes[0].rows === 1 || shapes[0].cols === 1) ? shapes[0] : { rows: 1, cols: 1 },
  impl: guarded((earnings, drawArg, recoverableArg, outputArg) => {
    const draw = numberArg(drawArg, "draw");
    if (draw < 0) fail(numError(`draw ${draw} is negative`));
    const recoverable = booleanArg(recoverableArg, "recoverable", true);
    const output = wordArg(outputArg, "output", DRAW_OUTPUTS, "PAID");
    const { rows, cols } = shapeOf(earnings);
    if (rows === 0) fail(valueError("earnings is required"));
    if (rows > 1 && cols > 1)
      fail(valueError(`earnings must be one column or one row, not a ${rows}×${cols} range`));
    const cells = earnings!.flat();
    const results: (number | CompError)[] = [];
    let balance = 0;
    let broken: CompError | null = null;
    cells.forEach((cell, i) => {
      if (!broken) {
        if (cell instanceof CompError) broken = cell;
        else if (!isBlank(cell) && typeof cell !== "number")
          broken = notANumber(`earnings (period ${i + 1})`, cell);
        else if (typeof cell === "number" && cell < 0)
          broken = numError(`earnings for period ${i + 1} are negative (${cell})`);
      }
      if (broken) {
        results.push(broken);
        return;
      }
      const step = drawStep(balance, isBlank(cell) ? 0 : (cell as number), draw, recoverable);
      balance = step.balance;
      const value = finite(output === "PAID" ? step.paid : step.balance);
      if (typeof value !== "number") broken = value;
      results.push(value);
    });
    return rows === 1 && cols > 1 ? [results] : results.map((x) => [x]);
  }),
};
