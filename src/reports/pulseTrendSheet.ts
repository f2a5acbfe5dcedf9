/**
 * The `Pulse Trend` tab: each pulse check's company status and value per period, oldest first,
 * read back from the `Pulse Check <period>` tabs in the workbook (their status table and Period
 * cell), so a quarter-on-quarter review reads in one place. Owned by CompAlign and rewritten on
 * every pulse run.
 *
 * Periods are ordered by their labels compared as text with numbers compared as numbers, so
 * year-first labels (the default `2026 Q4`, or dates as yyyy-mm-dd) read oldest first. A period
 * found twice (a re-run that had to take a suffixed tab name) counts once: the latest run's.
 */
import type { PulseResult } from "../engine/pulse";
import {
  PULSE_CHECK_IDS,
  PULSE_CHECK_INFO,
  PULSE_STATUSES,
  type PulseCheckId,
  type PulseStatus,
} from "../engine/pulseChecks";
import type { Block, SheetData, SheetSpec, SheetValue } from "../workbook/port";
import { COLORS } from "./format";
import {
  PULSE_PERIOD_CELL_LABEL,
  PULSE_TAB_PREFIX,
  PULSE_TABLE_HEADER,
  PULSE_VALUE_FORMATS,
} from "./pulseSheet";
import { REPORT_TABS } from "./tabNames";

export const PULSE_TREND_SHEET = REPORT_TABS.pulseTrend.name;

export interface PulsePeriodRecord {
  period: string;
  /** Company status and value of each check found for the period. */
  checks: Map<PulseCheckId, { status: PulseStatus; value: number | null }>;
}

const IDS = new Set<string>(PULSE_CHECK_IDS);
const STATUSES = new Set<string>(PULSE_STATUSES);
const BY_TITLE = new Map(PULSE_CHECK_IDS.map((id) => [PULSE_CHECK_INFO[id].title, id]));

/** The period's record from the pulse result just computed. */
export function periodRecord(result: Pick<PulseResult, "label" | "checks">): PulsePeriodRecord {
  return {
    period: result.label,
    checks: new Map(result.checks.map((c) => [c.id, { status: c.status, value: c.value }])),
  };
}

/**
 * A `Pulse Check` tab's record: the period from its Period cell (else from the tab name), each
 * status-table row by its Id column (else by its check title). null when the tab holds no
 * status table.
 */
export function readPulseTab(data: SheetData): PulsePeriodRecord | null {
  const { values } = data;
  const periodRow = values.find((r) => r[0] === PULSE_PERIOD_CELL_LABEL);
  const fromName = data.name.slice(PULSE_TAB_PREFIX.length).trim();
  const period =
    periodRow && periodRow[1] !== null && String(periodRow[1]).trim() !== ""
      ? String(periodRow[1]).trim()
      : fromName;
  if (!period) return null;
  const top = values.findIndex(
    (r) => r[0] === PULSE_TABLE_HEADER[0] && r[1] === PULSE_TABLE_HEADER[1]
  );
  if (top < 0) return null;
  const idColumn = values[top].indexOf("Id");
  const checks: PulsePeriodRecord["checks"] = new Map();
  for (let i = top + 1; i < values.length; i++) {
    const row = values[i];
    if (!row || row[0] === null || row[0] === "") break;
    const idText = idColumn >= 0 ? String(row[idColumn] ?? "") : "";
    const id = IDS.has(idText) ? (idText as PulseCheckId) : BY_TITLE.get(String(row[0]));
    const status = String(row[1] ?? "");
    if (!id || !STATUSES.has(status)) continue;
    checks.set(id, {
      status: status as PulseStatus,
      value: typeof row[2] === "number" && Number.isFinite(row[2]) ? row[2] : null,
    });
  }
  return checks.size > 0 ? { period, checks } : null;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Oldest first, one record per period; later records in the list replace earlier ones. */
export function orderPeriods(records: readonly PulsePeriodRecord[]): PulsePeriodRecord[] {
  const byPeriod = new Map<string, PulsePeriodRecord>();
  for (const r of records) byPeriod.set(r.period.toLowerCase(), r);
  return [...byPeriod.values()].sort((a, b) => collator.compare(a.period, b.period));
}

export function pulseTrendSheet(records: readonly PulsePeriodRecord[]): SheetSpec {
  const periods = orderPeriods(records);
  const blocks: Block[] = [
    { at: "A1", values: [[PULSE_TREND_SHEET]], style: "title" },
    {
      at: "A2",
      values: [
        [
          `Each pulse check's company status and value per period, oldest first (${periods.length} period${periods.length === 1 ? "" : "s"}), read from the Pulse Check tabs in this workbook. For a check judged plan by plan the value is the worst plan's, which may be another plan in another period (each tab's "What to do" names it). Rewritten on every pulse run; a period whose tab was deleted drops out.`,
        ],
      ],
      style: "note",
    },
    {
      at: "A4",
      values: [["Check", ...periods.flatMap((p) => [`${p.period} status`, `${p.period} value`])]],
      style: "header",
    },
  ];
  PULSE_CHECK_IDS.forEach((id, k) => {
    const row: SheetValue[] = [PULSE_CHECK_INFO[id].title];
    const formats: (string | null)[] = [null];
    for (const p of periods) {
      const c = p.checks.get(id);
      row.push(c ? c.status : "not run", c ? c.value : null);
      formats.push(null, PULSE_VALUE_FORMATS[id]);
    }
    blocks.push({ at: `A${5 + k}`, values: [row], numberFormats: formats });
  });
  return {
    name: PULSE_TREND_SHEET,
    blocks,
    columnWidths: [48, ...periods.flatMap(() => [14, 12])],
    freeze: { rows: 4, columns: 1 },
    tabColor: COLORS.brand,
  };
}
