/**
 * The Functions tab's search: a function matches when every word of the query occurs
 * (case-insensitively) in its qualified name (`COMP.PAYOUT`), its description, its parameters'
 * names and descriptions, or the finance terms for it (src/taskpane/functions/financeTerms.ts:
 * "cap", "accelerator", "tier", "clawback"…). A word with a synonym ("SPIF" → bonus) matches when
 * any of its forms does. An empty query matches everything.
 */
import type { FunctionSpec } from "../functions/spec";
import { FUNCTION_TERMS, SYNONYMS } from "./functions/financeTerms";

type Searchable = Pick<FunctionSpec, "name" | "description"> &
  Partial<Pick<FunctionSpec, "params">>;

/** Everything a function is found by, lower case. */
export function searchText(spec: Searchable, namespace: string): string {
  const params = (spec.params ?? []).map((p) => `${p.name.replace(/_/g, " ")} ${p.description}`);
  const terms = FUNCTION_TERMS[spec.name.toUpperCase()] ?? [];
  return [`${namespace}.${spec.name}`, spec.description, ...params, ...terms]
    .join(" ")
    .toLowerCase();
}

export function filterFunctions<T extends Searchable>(
  specs: readonly T[],
  namespace: string,
  query: string
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...specs];
  return specs.filter((spec) => {
    const haystack = searchText(spec, namespace);
    return words.every((word) =>
      [word, ...(SYNONYMS[word] ?? [])].some((form) => haystack.includes(form))
    );
  });
}
