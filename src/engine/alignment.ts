/**
 * The alignment index: Σ_i min(p_i / Σp, q_i / Σq) for strategic priorities p and incentive
 * dollars q per objective. 1 when pay is split exactly as strategy says, 0 when it goes
 * entirely elsewhere. Computed as 1 − ½ Σ |p_i/Σp − q_i/Σq| (the same quantity, since both
 * share vectors sum to 1), which is exactly 1 when the shares are equal.
 */
import { scaledToMax } from "./distribution";

export function alignmentIndex(prioritiesIn: ArrayLike<number>, payIn: ArrayLike<number>): number {
  const priorities = scaledToMax(prioritiesIn);
  const pay = scaledToMax(payIn);
  let p = 0;
  let q = 0;
  for (let i = 0; i < priorities.length; i++) {
    p += priorities[i];
    q += pay[i];
  }
  let gap = 0;
  for (let i = 0; i < priorities.length; i++) gap += Math.abs(priorities[i] / p - pay[i] / q);
  const index = 1 - gap / 2;
  // Shares that agree to rounding error (a few ulps per objective) are a perfect match.
  if (index > 1 - 1e-12) return 1;
  return Math.max(0, index);
}
