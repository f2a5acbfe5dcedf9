/**
 * Linked (matrix) plans: the rate is looked up on two measures at once. Row breakpoints apply
 * to the first measure, column breakpoints to the second, both strictly ascending. STEP takes
 * the cell at the highest breakpoints reached; LINEAR interpolates bilinearly and holds at the
 * last breakpoints. Below either first breakpoint the rate is 0.
 */
import { fractionBetween, stepIndex } from "./lookup";

export const MATRIX_METHODS = ["STEP", "LINEAR"] as const;
export type MatrixMethod = (typeof MATRIX_METHODS)[number];

export interface RateMatrix {
  readonly rowBreaks: Float64Array;
  readonly colBreaks: Float64Array;
  /** Row-major body: rates[i * colBreaks.length + j]. */
  readonly rates: Float64Array;
}

export function matrixRate(
  m: RateMatrix,
  rowValue: number,
  colValue: number,
  method: MatrixMethod
): number {
  const i = stepIndex(m.rowBreaks, rowValue);
  const j = stepIndex(m.colBreaks, colValue);
  if (i < 0 || j < 0) return 0;
  const cols = m.colBreaks.length;
  const at = (r: number, c: number) => m.rates[r * cols + c];
  if (method === "STEP") return at(i, j);
  const i1 = Math.min(i + 1, m.rowBreaks.length - 1);
  const j1 = Math.min(j + 1, cols - 1);
  const u = i1 === i ? 0 : fractionBetween(rowValue, m.rowBreaks[i], m.rowBreaks[i1]);
  const v = j1 === j ? 0 : fractionBetween(colValue, m.colBreaks[j], m.colBreaks[j1]);
  const top = at(i, j) + v * (at(i, j1) - at(i, j));
  const bottom = at(i1, j) + v * (at(i1, j1) - at(i1, j));
  return top + u * (bottom - top);
}
