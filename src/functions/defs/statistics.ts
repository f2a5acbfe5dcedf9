/** Distribution and alignment statistics: GINI, TOPSHARE, ALIGNMENT. */
import { alignmentIndex } from "../../engine/alignment";
import { gini, topShare } from "../../engine/distribution";
import { divError, naError, numError, valueError } from "../../engine/errors";
import { fail, guarded, numberArg, numbersArg } from "../args";
import { singleResult } from "../shapes";
import type { FunctionSpec } from "../spec";
import { rangeParam, valueParam } from "../params";
import type { Arg } from "../values";

/** The numbers of a range that must hold at least one, none negative. */
function nonNegativeValues(arg: Arg, name: string, blankAs?: number): number[] {
  const values = numbersArg(arg, name, blankAs);
  if (values.length === 0) fail(naError(`${name} has no numbers`));
  const negative = values.find((v) => v < 0);
  if (negative !== undefined) fail(numError(`${name} holds a negative value (${negative})`));
  return values;
}

export const GINI: FunctionSpec = {
  name: "GINI",
  description:
    "Gini coefficient of payouts (0 = everyone paid the same, towards 1 = one person paid everything).",
  params: [rangeParam("values", "Non-negative values, e.g. rep payouts; blanks are skipped.")],
  result: { dimensionality: "scalar" },
  example: { formula: "=COMP.GINI({10;20;30;40})", result: "0.25" },
  errors: [
    "#N/A: no numbers",
    "#NUM!: a negative value",
    "#VALUE!: text or a logical value among the values",
  ],
  resultShape: singleResult,
  impl: guarded((values) => gini(nonNegativeValues(values, "values"))),
};

export const TOPSHARE: FunctionSpec = {
  name: "TOPSHARE",
  description:
    "Share of the total held by the top ceil(n × top_fraction) values (default: the top 20%).",
  params: [
    rangeParam("values", "Non-negative values, e.g. rep payouts; blanks are skipped."),
    valueParam(
      "top_fraction",
      "Fraction of the values counted as the top, in (0, 1]; default 0.2.",
      { optional: true }
    ),
  ],
  result: { dimensionality: "scalar" },
  example: { formula: "=COMP.TOPSHARE({10;20;30;40;100}, 0.2)", result: "0.5" },
  errors: [
    "#N/A: no numbers",
    "#NUM!: a negative value, top_fraction outside (0, 1]",
    "#DIV/0!: the values total 0",
  ],
  resultShape: singleResult,
  impl: guarded((values, fractionArg) => {
    const fraction = numberArg(fractionArg, "top_fraction", 0.2);
    if (!(fraction > 0 && fraction <= 1))
      fail(numError(`top_fraction ${fraction} must be greater than 0 and at most 1`));
    const numbers = nonNegativeValues(values, "values");
    if (numbers.every((v) => v === 0)) fail(divError("the values total 0"));
    return topShare(numbers, fraction);
  }),
};

export const ALIGNMENT: FunctionSpec = {
  name: "ALIGNMENT",
  description:
    "Alignment index Σ min(priority share, pay share): 1 when incentive money is split exactly as strategy says.",
  params: [
    rangeParam("priorities", "Strategic priority (weight) of each objective; a blank counts as 0."),
    rangeParam(
      "pay",
      "Incentive dollars serving each objective, in the same order; a blank counts as 0."
    ),
  ],
  result: { dimensionality: "scalar" },
  example: { formula: "=COMP.ALIGNMENT({50;30;20}, {700000;200000;100000})", result: "0.8" },
  errors: [
    "#VALUE!: the ranges hold different numbers of values, or text",
    "#NUM!: a negative value",
    "#DIV/0!: priorities or pay total 0",
    "#N/A: no numbers",
  ],
  resultShape: singleResult,
  impl: guarded((priorities, pay) => {
    const p = nonNegativeValues(priorities, "priorities", 0);
    const q = nonNegativeValues(pay, "pay", 0);
    if (p.length !== q.length)
      fail(valueError(`priorities has ${p.length} values but pay has ${q.length}`));
    if (p.every((v) => v === 0)) fail(divError("priorities total 0"));
    if (q.every((v) => v === 0)) fail(divError("pay totals 0"));
    return alignmentIndex(p, q);
  }),
};
