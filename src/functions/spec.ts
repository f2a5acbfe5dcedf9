/**
 * The shape of one COMP function description. Every COMP function is described once, in
 * `catalog.ts`, with a value of this type; Excel's functions.json, the Excel runtime
 * registration, the HyperFormula plugin and the task pane's Functions tab are all derived
 * from it.
 */
import type { Arg, Result } from "./values";

/** Type of a parameter, as Excel's functions.json names it. */
export type ParamType = "any" | "number" | "string" | "boolean";

export interface ParamSpec {
  /** Parameter name as shown in Excel's formula help, snake_case. */
  name: string;
  /** One sentence for Excel's argument help. */
  description: string;
  type: ParamType;
  /** "matrix" parameters accept a range or a single value (arriving as a 1×1 matrix). */
  dimensionality: "scalar" | "matrix";
  optional?: boolean;
  /**
   * The function computes one result per element of this argument (type "any"): an error value
   * in one cell becomes an error in that element of the result only. functions.json sets
   * `allowErrorForDataTypeAny` on it, so Excel passes error cells in instead of failing the call.
   */
  elementwise?: boolean;
}

/** Rows × columns of an argument or of a result. */
export interface Shape {
  rows: number;
  cols: number;
}

export interface FunctionSpec {
  /** Name without the namespace, upper case: "PAYOUT" is called as COMP.PAYOUT. */
  name: string;
  /** One sentence for Excel's function help. */
  description: string;
  params: ParamSpec[];
  /** "matrix" when the result may spill. */
  result: { dimensionality: "scalar" | "matrix" };
  /** A formula a user can paste, e.g. `=COMP.ATTAINMENT(120000, 100000)`, and what it returns. */
  example: { formula: string; result: string };
  /** Error rows for the reference: `#DIV/0!: quota is 0 or blank`. */
  errors: string[];
  /**
   * Shape of the result given the shapes of the arguments (absent arguments are undefined).
   * Needed up front by spreadsheet engines that size the spill range before evaluating.
   */
  resultShape: (shapes: (Shape | undefined)[]) => Shape;
  /** The implementation: arguments normalised by `values.ts`, never throws. */
  impl: (...args: Arg[]) => Result;
}
