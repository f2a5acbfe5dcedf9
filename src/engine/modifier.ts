/**
 * Modifiers, gates and hurdles: a multiplier looked up (step) on a second measure, e.g. a
 * gross-margin kicker. Below the first bound the multiplier is 0, so a one-row table
 * ("from 0.8, ×1") is a gate that pays nothing until the measure reaches 0.8.
 */
import { stepIndex } from "./lookup";

export interface StepTable {
  readonly bounds: Float64Array;
  readonly values: Float64Array;
}

export function stepLookup(table: StepTable, x: number): number {
  const i = stepIndex(table.bounds, x);
  return i < 0 ? 0 : table.values[i];
}
