/**
 * "Run pulse check" / `compalign pulse`: reads Objectives, Matrix, Curves, Reps and the optional
 * Pulse Settings in one round trip, computes the plan as designed on the period's actuals rep by
 * rep (the scenario engine's Baseline), holds it against the healthy bands, and writes the
 * `Pulse Check <label>` tab, owned by CompAlign. Everything is computed before anything is
 * written; a re-run for the same period replaces that period's tab in place.
 */
import { readRepsWorkbook } from "./readPlanWorkbook";
import { runPulse, type PulseResult } from "../engine/pulse";
import { computeScenario, prepareRun } from "../engine/scenarioRunner";
import { LARGEST_AMOUNT, nonFiniteFigures } from "../engine/scenarioOverflow";
import { nonFiniteReason, requireComputable } from "./computable";
import type { PulseCheck } from "../engine/pulseChecks";
import { readPulseSettings, PULSE_SETTINGS_SHEET } from "../model/readPulseSettings";
import { pulseSheet, pulseTableName, pulseTabName } from "../reports/pulseSheet";
import { WorkbookError, type WorkbookPort, type WriteResult } from "../workbook/port";

export interface PulseCheckOptions {
  /** The period label when Pulse Settings has no Period: the caller's date, e.g. "2026-04-02". */
  today: string;
}

export interface PulseComputation {
  pulse: PulseResult;
  checks: PulseCheck[];
  /** Problems reading Pulse Settings (defaults were used). */
  warnings: string[];
  /** The tab name the pulse check writes (before any suffix a user's sheet of that name forces). */
  tabName: string;
}

export interface PulseCheckResult extends PulseComputation {
  sheet: WriteResult;
}

/** Reads and computes; writes nothing (the task pane's preview, `compalign pulse` without --out). */
export async function computePulse(
  book: WorkbookPort,
  options: PulseCheckOptions
): Promise<PulseComputation> {
  const {
    design,
    reps: repTable,
    extra: [settingsSheet],
  } = await readRepsWorkbook(
    book,
    "the pulse check is computed rep by rep on the period's actuals",
    [PULSE_SETTINGS_SHEET]
  );
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
  for (let attempt = 1; ; attempt++) {
    const spec = pulseSheet(computed.pulse, {
      tableName: pulseTableName(computed.tabName, attempt),
      warnings: computed.warnings,
    });
    try {
      const [sheet] = await book.writeOwnedSheets([spec]);
      return { ...computed, sheet };
    } catch (e) {
      // Another period's tab already uses that table name: try the next one.
      const taken =
        e instanceof WorkbookError && e.kind === "exists" && /table name/.test(e.message);
      if (!taken || attempt >= TABLE_NAME_ATTEMPTS) throw e;
    }
  }
}
