/**
 * The Matrix sheet's optional `Revenue` column (docs/workbook.md): "yes" marks a metric whose
 * Actual is revenue in the Reps sheet's unit (bookings dollars), so a scenario that scales that
 * metric's actuals moves the rep's Revenue by the same dollars and Gross Margin at the rep's
 * margin rate. Blank or "no" is not revenue. Anything else is an error at its cell (never a
 * silent "no"); a metric marked yes on one plan's row and no on another's is a warning, and
 * counts as revenue.
 */
import type { Finding } from "../engine/plan";
import type { SheetData } from "../workbook/port";
import { describeValue, sheetRows, text } from "./sheetRows";

export const REVENUE_COLUMN = "Revenue";

export interface RevenueMetrics {
  /** Metric names lower-cased. */
  metrics: Set<string>;
  findings: Finding[];
}

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);

export function readRevenueMetrics(matrix: SheetData | null): RevenueMetrics {
  const metrics = new Set<string>();
  const findings: Finding[] = [];
  if (!matrix) return { metrics, findings };
  const sheet = sheetRows(matrix);
  if (!sheet.has(REVENUE_COLUMN)) return { metrics, findings };
  const marks = new Map<string, { yes: string | null; no: string | null; name: string }>();
  for (const row of sheet.rows) {
    const metric = text(row.get("Metric"));
    if (!metric) continue;
    const value = row.get(REVENUE_COLUMN);
    const word = typeof value === "boolean" ? String(value) : text(value).toLowerCase();
    const cell = row.cell(REVENUE_COLUMN);
    const k = metric.toLowerCase();
    const mark = marks.get(k) ?? { yes: null, no: null, name: metric };
    marks.set(k, mark);
    if (value === null || NO.has(word)) mark.no ??= cell;
    else if (YES.has(word)) mark.yes ??= cell;
    else
      findings.push({
        severity: "error",
        rule: "invalid-value",
        plan: text(row.get("Plan")) || null,
        metric,
        objective: null,
        message: `Matrix row ${row.index + 1}: Revenue must be yes or no (is ${metric}'s Actual revenue?), not ${describeValue(value)}.`,
        cell,
      });
  }
  for (const [k, mark] of marks) {
    if (!mark.yes) continue;
    metrics.add(k);
    if (mark.no)
      findings.push({
        severity: "warning",
        rule: "revenue-mark",
        plan: null,
        metric: mark.name,
        objective: null,
        message: `${mark.name} is marked Revenue = yes at ${mark.yes} but not at ${mark.no}; it counts as revenue everywhere (mark every row of the metric the same).`,
        cell: mark.no,
      });
  }
  return { metrics, findings };
}
