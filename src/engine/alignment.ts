/**
 * The alignment index: Σ_i min(p_i, q_i) over the priority shares p and pay shares q of the
 * objectives (each a fraction of its total). 1 when pay is split exactly as strategy says, 0 when
 * it goes entirely elsewhere. One implementation for COMP.ALIGNMENT, the design index of the
 * plan rules, the realized index of a scenario run and the pulse's per-plan indexes.
 */
import { scaledToMax } from "./distribution";

/**
 * The alignment index of objectives given as [priority share, pay share] pairs. Shares that
 * agree to rounding error (a few ulps per objective) are a perfect match (exactly 1); the result
 * is kept in [0, 1]; NaN when a share is NaN (a total of 0).
 */
export function alignmentOfShares(
  shares: Iterable<readonly [priorityShare: number, payShare: number]>
): number {
  let index = 0;
  for (const [p, q] of shares) index += Math.min(p, q);
  if (index > 1 - 1e-12) return 1;
  return Math.max(0, index);
}

/** The alignment index of raw priorities and incentive dollars per objective (same length). */
export function alignmentIndex(prioritiesIn: ArrayLike<number>, payIn: ArrayLike<number>): number {
  const priorities = scaledToMax(prioritiesIn);
  const pay = scaledToMax(payIn);
  let p = 0;
  let q = 0;
  for (let i = 0; i < priorities.length; i++) {
    p += priorities[i];
    q += pay[i];
  }
  const shares: [number, number][] = [];
  for (let i = 0; i < priorities.length; i++) shares.push([priorities[i] / p, pay[i] / q]);
  return alignmentOfShares(shares);
}
