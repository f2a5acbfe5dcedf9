/**
 * How the Scenarios tab writes the engine's figures: money in whole currency units (as the
 * Scenario Comparison sheet's "$#,##0"), shares and payout % of target as percentages, the
 * realized alignment index with two decimals, and "n/a" where a figure needs a column the
 * workbook does not have. Presentation only: every number was computed by the engine.
 */
const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const signedMoney = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
  signDisplay: "exceptZero",
});
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export const NOT_AVAILABLE = "n/a";

const orNA =
  (format: (n: number) => string) =>
  (value: number | null | undefined): string =>
    value === null || value === undefined || !Number.isFinite(value)
      ? NOT_AVAILABLE
      : format(value);

/** 22814229.6 → "$22,814,230". */
export const formatMoney = orNA((n) => money.format(n));
/** −792589 → "-$792,589"; 0 → "$0". */
export const formatDelta = orNA((n) => signedMoney.format(Math.round(n) === 0 ? 0 : n));
/** 0.6032 → "60.3%". */
export const formatPercent = orNA((n) => percent.format(n));
/** 0.6213 → "0.62". */
export const formatIndex = orNA((n) => n.toFixed(2));
/** Dollars per dollar as cents: 0.0853 → "8.5¢". */
export const formatCents = orNA((n) => `${(n * 100).toFixed(1)}¢`);
