/**
 * "Run pulse check" / `compalign pulse`: reads Objectives, Matrix, Curves, Reps and the optional
 * Pulse Settings in one round trip, computes the plan as designed on the period's actuals rep by
 * rep (the scenario engine's Baseline), holds it against the healthy bands plan by plan and for
 * the company, and writes the `Pulse Check <label>` tab and the `Pulse Trend` tab (every
 * period's statuses, read back from the earlier Pulse Check tabs), both owned by CompAlign.
 * Everything is computed before anything is written; a re-run for the same period replaces that
 * period's tab in place, and other periods' tabs are kept.
 */
import { readRepsWorkbook } from "./readPlanWorkbook";
import { assertPlanHasNoErrors } from "./planGate";
import { runPulse, type PulseResult } from "../engine/pulse";
import type { Problem } from "../engine/problem";
import { computeScenario, prepareRun } from "../engine/scenarioRunner";
import { LARGEST_AMOUNT, nonFiniteFigures } from "../engine/scenarioOverflow";
import { nonFiniteReason, requireComputable } from "./computable";
import type { PulseCheck } from "../engine/pulseChecks";
import { readPulseSettings, PULSE_SETTINGS_SHEET } from "../model/readPulseSettings";
import { PULSE_TAB_PREFIX, pulseSheet, pulseTableName, pulseTabName } from "../reports/pulseSheet";
import {
  orderPeriods,
  periodRecord,
  pulseTrendSheet,
  readPulseTab,
  type PulsePeriodRecord,
} from "../reports/pulseTrendSheet";
import { TableNameTakenError, type WorkbookPort, type WriteResult } from "../workbook/port";

export interface PulseCheckOptions {
  /** The caller's date as yyyy-mm-dd: its fiscal quarter labels the period when Pulse Settings has no Period. */
  today: string;
}

export interface PulseComputation {
  pulse: PulseResult;
  checks: PulseCheck[];
  /** Problems reading Pulse Settings (defaults were used), each with its cell. */
  warnings: Problem[];
  /** The tab name the pulse check writes (before any suffix a user's sheet of that name forces). */
  tabName: string;
}

export interface PulseCheckResult extends PulseComputation {
  sheet: WriteResult;
  /** The Pulse Trend tab. */
  trend: WriteResult;
  /** Periods on the Pulse Trend tab, oldest first. */
  periods: string[];
}

/** The earlier periods' records, from the owned Pulse Check tabs other than `current`. */
async function earlierPeriods(book: WorkbookPort, current: string): Promise<PulsePeriodRecord[]> {
  const owned = await book.ownedSheets();
  const tabs = owned.filter((n) => n.startsWith(PULSE_TAB_PREFIX) && n !== current);
  if (tabs.length === 0) return [];
  const data = await book.readSheets(tabs);
  return data.flatMap((d) => {
    const record = d ? readPulseTab(d) : null;
    return record ? [record] : [];
  });
}

/** Reads and computes; writes nothing (the task pane's preview, `compalign pulse` without --out). */
export async function computePulse(
  book: WorkbookPort,
  options: PulseCheckOptions
): Promise<PulseComputation> {
  const read = await readRepsWorkbook(
    book,
    "the pulse check is computed rep by rep on the period's actuals",
    [PULSE_SETTINGS_SHEET]
  );
  assertPlanHasNoErrors(read);
  const {
    design,
    reps: repTable,
    extra: [settingsSheet],
  } = read;
  const { settings, warnings } = readPulseSettings(settingsSheet);
  const pulse = runPulse(design, repTable, settings, { today: options.today });
  const overflow =
    !(Math.abs(pulse.figures.totalPayout) <= LARGEST_AMOUNT * pulse.computedReps) ||
    nonFiniteFigures(pulse).length > 0;
  if (pulse.computedReps === 0 || overflow) {
    // Say why in plain words (no rep computed, or payouts too large to be numbers).
    const run = prepareRun(design, repTable, []);
    requireComputable(run);
    nonFiniteReason(run, computeScenario(run, run.models[0], null), true);
  }
  return { pulse, checks: pulse.checks, warnings, tabName: pulseTabName(pulse.label) };
}

/** Table-name attempts before giving up (each collision is another period's tab). */
const TABLE_NAME_ATTEMPTS = 20;

/** Computes the pulse check and writes (or replaces) its tab. */
export async function runPulseCheck(
  book: WorkbookPort,
  options: PulseCheckOptions
): Promise<PulseCheckResult> {
  const computed = await computePulse(book, options);
  const records = [...(await earlierPeriods(book, computed.tabName)), periodRecord(computed.pulse)];
  const trend = pulseTrendSheet(records);
  const periods = orderPeriods(records).map((r) => r.period);
  for (let attempt = 1; ; attempt++) {
    const spec = pulseSheet(computed.pulse, {
      tableName: pulseTableName(computed.tabName, attempt),
      warnings: computed.warnings,
    });
    try {
      const [sheet, trendSheet] = await book.writeOwnedSheets([spec, trend]);
      return { ...computed, sheet, trend: trendSheet, periods };
    } catch (e) {
      // Another period's tab already uses that table name: try the next one.
      if (!(e instanceof TableNameTakenError) || attempt >= TABLE_NAME_ATTEMPTS) throw e;
    }
  }
}
