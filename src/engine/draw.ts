/**
 * Draws: an advance against commission, paid each period.
 * Recoverable: a shortfall below the draw is paid up to the draw and carried as a balance;
 * only earnings above the draw repay it. Non-recoverable: a floor, max(earnings, draw),
 * nothing carried.
 */
export interface DrawStep {
  paid: number;
  /** Unrecovered draw after the period. */
  balance: number;
}

export function drawStep(
  balance: number,
  earnings: number,
  draw: number,
  recoverable: boolean
): DrawStep {
  if (!recoverable) return { paid: Math.max(earnings, draw), balance: 0 };
  if (earnings < draw) return { paid: draw, balance: balance + (draw - earnings) };
  const repay = Math.min(earnings - draw, balance);
  return { paid: earnings - repay, balance: balance - repay };
}
