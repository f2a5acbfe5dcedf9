/**
 * The Functions tab's search: a function matches when every word of the query occurs
 * (case-insensitively) in its qualified name (`COMP.PAYOUT`) or its description. An empty
 * query matches everything.
 */
import type { FunctionSpec } from "../functions/spec";

export function filterFunctions<T extends Pick<FunctionSpec, "name" | "description">>(
  specs: readonly T[],
  namespace: string,
  query: string
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...specs];
  return specs.filter((spec) => {
    const haystack = `${namespace}.${spec.name} ${spec.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
