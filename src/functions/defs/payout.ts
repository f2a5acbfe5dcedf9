/** Attainment and bonus-on-a-curve functions: ATTAINMENT, CURVE, PAYOUT, WEIGHTED. */
import { CURVE_BEYOND, CURVE_METHODS, curveRate, type Curve } from "../../engine/curve";
import { CompError, divError, numError, valueError } from "../../engine/errors";
import { columns, fail, guarded, isBlank, notANumber, shapeOf, wordArg } from "../args";
import { finite, mapElements } from "../elementwise";
import { elementwiseResult } from "../shapes";
import type { FunctionSpec, ParamSpec } from "../spec";
import { elementParam, rangeParam, wordParam } from "../params";
import { curveArg } from "../tables";
import type { Arg, Cell } from "../values";

const QUOTA_BLANK = divError("quota is blank");

export const beyondParam: ParamSpec = wordParam(
  "beyond",
  'Above the last point: "CAP" (default) holds the last rate, "EXTEND" continues the last slope (with method "STEP", as "CAP").'
);

export const methodParam: ParamSpec = wordParam(
  "method",
  'Between points: "LINEAR" (default) interpolates, "STEP" holds the rate of the highest point reached.'
);

const curveTableParam: ParamSpec = rangeParam(
  "curve_table",
  "Two columns: attainment point and payout rate (multiple of target), points strictly ascending; below the first point the rate is 0."
);

const beyondOf = (arg: Arg) => wordArg(arg, "beyond", CURVE_BEYOND, "CAP");
const methodOf = (arg: Arg) => wordArg(arg, "method", CURVE_METHODS, "LINEAR");

export const ATTAINMENT: FunctionSpec = {
  name: "ATTAINMENT",
  description:
    "Attainment: actual divided by quota (1 = 100%). Element-wise: give ranges to spill.",
  params: [
    elementParam("actual", "Credited sales or other actual result; a value or a range."),
    elementParam("quota", "Quota for the same period; a value or a range of the same shape."),
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.ATTAINMENT(115000, 100000)", result: "1.15" },
  errors: [
    "#DIV/0!: quota is 0 or blank",
    "#NUM!: quota is negative",
    "#VALUE!: text where a number belongs, or ranges of different shapes",
  ],
  resultShape: elementwiseResult(0, 1),
  impl: guarded((actual, quota) =>
    mapElements(
      [
        { arg: actual, name: "actual", blank: "zero" },
        { arg: quota, name: "quota", blank: QUOTA_BLANK },
      ],
      (a, q) => {
        if (q === 0) return divError("quota is 0");
        if (q < 0) return numError(`quota ${q} is negative`);
        return a / q;
      }
    )
  ),
};

export const CURVE: FunctionSpec = {
  name: "CURVE",
  description: "Payout rate (multiple of target) at an attainment, read from a payout curve.",
  params: [
    elementParam("attainment", "Attainment (1 = 100%); a value or a range."),
    curveTableParam,
    beyondParam,
    methodParam,
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.CURVE(1.2, {0.5,0;1,1;1.5,2})", result: "1.4" },
  errors: [
    "#VALUE!: curve_table not 2 columns, points not strictly ascending, a non-numeric cell or a negative rate (the message names the row)",
    '#VALUE!: beyond other than "CAP"/"EXTEND", method other than "LINEAR"/"STEP"',
  ],
  resultShape: elementwiseResult(0),
  impl: guarded((attainment, table, beyond, method) => {
    const curve = curveArg(table, "curve_table", methodOf(method), beyondOf(beyond));
    return mapElements([{ arg: attainment, name: "attainment", blank: "zero" }], (a) =>
      curveRate(curve, a)
    );
  }),
};

export const PAYOUT: FunctionSpec = {
  name: "PAYOUT",
  description: "Incentive earned: target incentive × the curve's payout rate at the attainment.",
  params: [
    elementParam("attainment", "Attainment (1 = 100%); a value or a range."),
    curveTableParam,
    elementParam(
      "target_incentive",
      "Target incentive (pay at 100%); a value or a range shaped like attainment."
    ),
    beyondParam,
    methodParam,
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.PAYOUT(1.2, {0.5,0;1,1;1.5,2}, 20000)", result: "28000" },
  errors: ["#NUM!: target_incentive is negative", "#VALUE!: as COMP.CURVE"],
  resultShape: elementwiseResult(0, 2),
  impl: guarded((attainment, table, ti, beyond, method) => {
    const curve = curveArg(table, "curve_table", methodOf(method), beyondOf(beyond));
    return mapElements(
      [
        { arg: attainment, name: "attainment", blank: "zero" },
        { arg: ti, name: "target_incentive", blank: "zero" },
      ],
      (a, target) =>
        target < 0
          ? numError(`target_incentive ${target} is negative`)
          : target * curveRate(curve, a)
    );
  }),
};

function weightsOf(arg: Arg): number[] {
  const { rows, cols } = shapeOf(arg);
  if (rows === 0) fail(valueError("weights is required"));
  if (rows > 1 && cols > 1)
    fail(valueError(`weights must be one row, not a ${rows}×${cols} range`));
  const weights = arg!.flat().map((cell, j) => {
    if (typeof cell === "number") return cell;
    if (cell instanceof CompError) fail(cell);
    return fail(
      isBlank(cell) ? valueError(`weight ${j + 1} is blank`) : notANumber(`weight ${j + 1}`, cell)
    );
  });
  const negative = weights.findIndex((w) => w < 0);
  if (negative >= 0) fail(valueError(`weight ${negative + 1} is negative (${weights[negative]})`));
  const sum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6)
    fail(valueError(`weights must sum to 100%, they sum to ${+(sum * 100).toPrecision(10)}%`));
  return weights;
}

function weightedRow(row: Cell[], weights: number[], curves: Curve[]): number | CompError {
  let rate = 0;
  for (let j = 0; j < weights.length; j++) {
    const cell = row[j];
    let a: number;
    if (typeof cell === "number") a = cell;
    else if (isBlank(cell)) a = 0;
    else if (cell instanceof CompError) return cell;
    else return notANumber(`attainment ${j + 1}`, cell);
    rate += weights[j] * curveRate(curves[j], a);
  }
  return rate;
}

export const WEIGHTED: FunctionSpec = {
  name: "WEIGHTED",
  description:
    "Weighted plan payout: Σ weight × target incentive × curve(attainment) over the plan's measures.",
  params: [
    rangeParam(
      "attainments",
      "One row of k attainments, one per measure (or n rows of k for n people)."
    ),
    rangeParam("weights", "One row of k weights summing to 100%."),
    rangeParam(
      "curve_tables",
      "A 2-column curve shared by all measures, or 2k columns: a (point, rate) pair per measure."
    ),
    rangeParam(
      "target_incentive",
      "Target incentive: one value, or a column of n (one per row of attainments)."
    ),
    beyondParam,
    methodParam,
  ],
  result: { dimensionality: "matrix" },
  example: {
    formula: "=COMP.WEIGHTED({1.2,0.8}, {0.6,0.4}, {0,0;1,1;1.5,2}, 10000)",
    result: "11600",
  },
  errors: [
    "#VALUE!: weights do not sum to 100% (the message says what they sum to), a negative weight",
    "#VALUE!: attainments not k columns, curve_tables neither 2 nor 2k columns, target_incentive neither one value nor n rows",
    "#NUM!: a negative target_incentive",
  ],
  resultShape: (shapes) => ({ rows: Math.max(1, shapes[0]?.rows ?? 1), cols: 1 }),
  impl: guarded((attainments, weightsArg, tables, ti, beyond, method) => {
    const weights = weightsOf(weightsArg);
    const k = weights.length;
    const shape = shapeOf(attainments);
    if (shape.cols !== k)
      fail(valueError(`attainments has ${shape.cols} columns but there are ${k} weights`));
    const tableCols = shapeOf(tables).cols;
    if (tableCols !== 2 && tableCols !== 2 * k) {
      fail(
        valueError(
          `curve_tables must have 2 columns (one shared curve) or ${2 * k} (a pair per measure), not ${tableCols}`
        )
      );
    }
    const m = methodOf(method);
    const b = beyondOf(beyond);
    const curves =
      tableCols === 2
        ? new Array<Curve>(k).fill(curveArg(tables, "curve_tables", m, b))
        : weights.map((_, j) =>
            curveArg(columns(tables!, 2 * j, 2), `curve_tables (measure ${j + 1})`, m, b)
          );
    const tiShape = shapeOf(ti);
    if (!(
      tiShape.rows * tiShape.cols === 1 ||
      (tiShape.cols === 1 && tiShape.rows === shape.rows)
    )) {
      fail(
        valueError(
          `target_incentive must be one value or ${shape.rows} rows × 1 column, not ${tiShape.rows}×${tiShape.cols}`
        )
      );
    }
    const tiCells: Cell[][] = ti && ti.length ? ti : [[null]];
    return attainments!.map((row, r) => {
      const cell = tiCells.length === 1 ? tiCells[0][0] : tiCells[r][0];
      let target: number;
      if (typeof cell === "number") target = cell;
      else if (isBlank(cell)) target = 0;
      else if (cell instanceof CompError) return [cell];
      else return [notANumber("target_incentive", cell)];
      if (target < 0) return [numError(`target_incentive ${target} is negative`)];
      const rate = weightedRow(row, weights, curves);
      return [typeof rate === "number" ? finite(target * rate) : rate];
    });
  }),
};
