/**
 * The COMP catalogue: every function CompAlign adds to Excel, described once. Excel's
 * functions.json (metadata.ts), Excel's runtime registration (excel.ts), the headless engine's
 * HyperFormula plugin (hyperformula.ts), the README reference and the task pane's Functions tab
 * are all derived from this list.
 */
import { COMMISSION, MATRIX, MODIFIER } from "./defs/commission";
import { ATTAINMENT, CURVE, PAYOUT, WEIGHTED } from "./defs/payout";
import { DRAW, PRORATE } from "./defs/period";
import { ALIGNMENT, GINI, TOPSHARE } from "./defs/statistics";
import type { FunctionSpec } from "./spec";

export const NAMESPACE = "COMP";

export const catalog: readonly FunctionSpec[] = [
  ATTAINMENT,
  CURVE,
  PAYOUT,
  COMMISSION,
  WEIGHTED,
  MATRIX,
  MODIFIER,
  PRORATE,
  DRAW,
  GINI,
  TOPSHARE,
  ALIGNMENT,
];

export function findFunction(name: string): FunctionSpec | undefined {
  const bare = name.toUpperCase().replace(new RegExp(`^${NAMESPACE}\\.`), "");
  return catalog.find((spec) => spec.name === bare);
}
