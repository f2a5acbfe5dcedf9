/**
 * How a COMP function's call signature is written in the task pane and the docs:
 * `COMP.CURVE(attainment, curve_table, [beyond], [method])` (optional parameters bracketed,
 * as Excel's own formula help shows them).
 */
import type { FunctionSpec } from "./spec";

export function formatSignature(
  namespace: string,
  spec: Pick<FunctionSpec, "name" | "params">
): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${namespace}.${spec.name}(${params.join(", ")})`;
}
