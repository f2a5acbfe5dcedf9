/**
 * SUMIFS, COUNTIFS, AVERAGEIFS and the like over many rows, once per row (a summary per rep over
 * a 20,000-row extract): HyperFormula caches each criterion's result on the range it sums, but
 * replaces that cache whenever a new criterion comes, so criteria that alternate (one per rep)
 * scan the whole range every time: rows × formulas. This keeps the results already cached for
 * the range when a new criterion is added (HyperFormula still clears them all when a cell of
 * the range changes), so each distinct criterion scans the range once.
 *
 * It patches HyperFormula's RangeVertex (an internal class, reached by its file); if that class
 * is not found or has changed, nothing is patched and calc is only slower.
 */
import { dirname, join } from "node:path";

interface CriterionCacheOwner {
  getCriterionFunctionValues(key: string): Map<string, unknown>;
  setCriterionFunctionValues(key: string, values: Map<string, unknown>): void;
}

let done = false;

export function keepCriterionCaches(): boolean {
  if (done) return true;
  let proto: CriterionCacheOwner | undefined;
  try {
    const file = join(
      dirname(require.resolve("hyperformula")),
      "DependencyGraph",
      "RangeVertex.js"
    );
    proto = (require(file) as { RangeVertex?: { prototype: CriterionCacheOwner } }).RangeVertex
      ?.prototype;
  } catch {
    return false;
  }
  if (
    !proto ||
    typeof proto.getCriterionFunctionValues !== "function" ||
    typeof proto.setCriterionFunctionValues !== "function"
  )
    return false;
  const set = proto.setCriterionFunctionValues;
  proto.setCriterionFunctionValues = function (this: CriterionCacheOwner, key, values) {
    const previous = this.getCriterionFunctionValues(key);
    if (previous !== values) for (const [k, v] of previous) if (!values.has(k)) values.set(k, v);
    set.call(this, key, values);
  };
  done = true;
  return true;
}
