/** Rate-table functions: COMMISSION, MATRIX (linked plans), MODIFIER (multipliers and gates). */
import { COMMISSION_METHODS, commission } from "../../engine/commission";
import { numError, valueError } from "../../engine/errors";
import { MATRIX_METHODS, matrixRate } from "../../engine/matrix";
import { stepLookup } from "../../engine/modifier";
import { fail, guarded, isBlank, numberArg, single, wordArg } from "../args";
import { mapElements } from "../elementwise";
import { elementwiseResult } from "../shapes";
import type { FunctionSpec } from "../spec";
import { elementParam, rangeParam, wordParam } from "../params";
import { rateMatrixArg, stepTableArg, tiersArg } from "../tables";

export const COMMISSION: FunctionSpec = {
  name: "COMMISSION",
  description:
    "Commission on a tiered rate table, MARGINAL (each slice at its tier's rate) or RETROACTIVE (all at the top tier reached).",
  params: [
    elementParam("amount", "Credited sales (or other base); a value or a range."),
    rangeParam(
      "rate_table",
      "Two columns: tier lower bound and rate, bounds ascending from 0 or more; a tier applies from its bound on (≥), nothing is earned below the first."
    ),
    wordParam("method", '"MARGINAL" (default) or "RETROACTIVE" (alias "RETRO").'),
    // A range parameter (of one cell) so that Excel, too, tells a blank quota cell ([[null]])
    // from a left-out quota (null): as a scalar both arrive as null.
    rangeParam(
      "quota",
      "When given, tier bounds are fractions of this quota (1 = 100% of quota); leave it out when the bounds are amounts.",
      { optional: true }
    ),
  ],
  result: { dimensionality: "matrix" },
  example: {
    formula: "=COMP.COMMISSION(600000, {0,0.03;300000,0.05;500000,0.07})",
    result: "26000",
  },
  errors: [
    "#NUM!: a negative amount, or a quota ≤ 0",
    "#VALUE!: quota given as a blank cell (leave the argument out for bounds in amounts)",
    "#VALUE!: rate_table not 2 columns, bounds negative or not strictly ascending, a negative rate, a non-numeric cell (the message names the row)",
    '#VALUE!: method other than "MARGINAL"/"RETROACTIVE"/"RETRO"',
  ],
  resultShape: elementwiseResult(0),
  impl: guarded((amount, table, method, quotaArg) => {
    const m = wordArg(method, "method", COMMISSION_METHODS, "MARGINAL", { RETRO: "RETROACTIVE" });
    let scale = 1;
    // Left out: bounds are amounts. Given as a blank cell (a rep without a quota yet): an error,
    // never bounds of 0, 1, 1.5 silently read as dollars.
    if (quotaArg && quotaArg.length > 0) {
      if (isBlank(single(quotaArg, "quota")))
        fail(
          valueError(
            "quota is blank: give a quota, or leave the argument out when the bounds are amounts"
          )
        );
      scale = numberArg(quotaArg, "quota");
      if (scale <= 0) fail(numError(`quota ${scale} must be greater than 0`));
    }
    const tiers = tiersArg(table, "rate_table", scale);
    return mapElements([{ arg: amount, name: "amount", blank: "zero" }], (amt) =>
      amt < 0 ? numError(`amount ${amt} is negative`) : commission(tiers, amt, m)
    );
  }),
};

export const MATRIX: FunctionSpec = {
  name: "MATRIX",
  description:
    "Linked-plan rate looked up on two measures at once in a rate matrix (rows × columns).",
  params: [
    elementParam(
      "row_value",
      "Measure looked up in the first column's breakpoints; a value or a range."
    ),
    elementParam(
      "col_value",
      "Measure looked up in the first row's breakpoints; a value or a range."
    ),
    rangeParam(
      "matrix_table",
      "Top-left ignored; first row: ascending column breakpoints; first column: ascending row breakpoints; body: rates. Below either first breakpoint the rate is 0."
    ),
    wordParam(
      "method",
      '"STEP" (default): the cell at the highest breakpoints reached (≥); "LINEAR": bilinear interpolation, held beyond the last breakpoints.'
    ),
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.MATRIX(1.1, 1.05, {0,0.9,1;0.9,0.8,1;1,1,1.2})", result: "1.2" },
  errors: [
    "#VALUE!: breakpoints not strictly ascending, a blank or non-numeric cell, a negative rate (the message names the row)",
    '#VALUE!: method other than "STEP"/"LINEAR"',
  ],
  resultShape: elementwiseResult(0, 1),
  impl: guarded((rowValue, colValue, table, method) => {
    const m = wordArg(method, "method", MATRIX_METHODS, "STEP");
    const matrix = rateMatrixArg(table, "matrix_table");
    return mapElements(
      [
        { arg: rowValue, name: "row_value", blank: "zero" },
        { arg: colValue, name: "col_value", blank: "zero" },
      ],
      (rowV, colV) => matrixRate(matrix, rowV, colV, m)
    );
  }),
};

export const MODIFIER: FunctionSpec = {
  name: "MODIFIER",
  description:
    "Applies a multiplier looked up (step) on a second measure; below the first bound the multiplier is 0, so one row is a gate.",
  params: [
    elementParam("value", "The payout (or other amount) to modify; a value or a range."),
    elementParam(
      "measure",
      "The measure the multiplier depends on (e.g. gross-margin %); a value or a range."
    ),
    rangeParam(
      "modifier_table",
      "Two columns: lower bound of the measure and multiplier, bounds strictly ascending."
    ),
  ],
  result: { dimensionality: "matrix" },
  example: { formula: "=COMP.MODIFIER(10000, 0.42, {0,0.9;0.35,1;0.45,1.1})", result: "10000" },
  errors: [
    "#VALUE!: bounds not strictly ascending, a negative multiplier or a non-numeric cell (the message names the row)",
  ],
  resultShape: elementwiseResult(0, 1),
  impl: guarded((value, measure, table) => {
    const steps = stepTableArg(table, "modifier_table", "multiplier");
    return mapElements(
      [
        { arg: value, name: "value", blank: "zero" },
        { arg: measure, name: "measure", blank: "zero" },
      ],
      (x, measureV) => x * stepLookup(steps, measureV)
    );
  }),
};
