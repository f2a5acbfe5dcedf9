/**
 * How the Scenarios tab writes the engine's figures, through the product's one formatter
 * (src/engine/figures.ts): money in whole currency units (the Scenario Comparison sheet's
 * money format), shares and payout % of target as percentages with one decimal, the realized
 * alignment index with two decimals, and "n/a" where a figure needs a column the workbook does
 * not have. Presentation only: every number was computed by the engine. These use the default
 * currency; a view that knows the workbook's uses `useFigures()` (src/taskpane/shared/figures.tsx).
 */
import { NOT_AVAILABLE, figures } from "../../engine/figures";

export { NOT_AVAILABLE };

/** 22814229.6 → "$22,814,230". */
export const formatMoney = (n: number | null | undefined): string => figures().money(n);
/** −792589 → "-$792,589"; 0 → "$0". */
export const formatDelta = (n: number | null | undefined): string => figures().signedMoney(n);
/** 0.6032 → "60.3%". */
export const formatPercent = (n: number | null | undefined): string => figures().percent(n);
/** 0.6213 → "0.62". */
export const formatIndex = (n: number | null | undefined): string => figures().index(n);
/** Dollars per dollar as cents: 0.0853 → "8.5¢". */
export const formatCents = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? NOT_AVAILABLE : `${(n * 100).toFixed(1)}¢`;
