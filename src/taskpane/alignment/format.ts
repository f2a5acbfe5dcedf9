/**
 * How the Alignment tab writes numbers and counts: shares as percentages and the design
 * alignment index as the product's one formatter does (src/engine/figures.ts, the same digits
 * as the Alignment View sheet), counts with the right plural. Presentation only: every number
 * shown was computed by the engine.
 */
import { figures } from "../../engine/figures";

/** 0.425 → "42.5%". */
export const formatShare = (share: number): string => figures().percent(share);

/** 0.9731 → "0.97". */
export const formatIndex = (index: number): string => figures().index(index);

/** count(1, "error") → "1 error"; count(2, "warning") → "2 warnings". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Bar length for a share, as a CSS width between 0% and 100%. */
export const barWidth = (share: number): string => `${Math.min(100, Math.max(0, share * 100))}%`;
