/**
 * "Cost at risk" / `compalign risk`: reads the plan, Reps, Scenarios and the optional Risk
 * Settings (one round trip), refuses a plan with error findings, resolves every valid scenario
 * with the scenario engine, simulates each one's total payout over the trials (a pure function of
 * plain data, so the task pane can run it in blocks, or in a worker), and writes the owned
 * `Plan Cost at Risk` tab.
 *
 * Three steps, so a host can keep the workbook call short and compute elsewhere:
 * `prepareRisk(book)` → `computeRisk(prepared, callbacks)` (no workbook) → `writeRiskSheet(book,
 * computation)`. `runRiskAction` does all three (the CLI).
 */
import {
  buildRiskModel,
  simulateCostAtRisk,
  simulateCostAtRiskSync,
  type RiskModel,
  type RiskResult,
  type RiskSettings,
  type SimulationCallbacks,
} from "../engine/costAtRisk";
import { computeScenario, prepareRun, type DataIssue } from "../engine/scenarioRunner";
import type { InvalidScenario } from "../engine/scenarioChanges";
import type { Problem } from "../engine/problem";
import { readRiskSettings, RISK_SETTINGS_SHEET } from "../model/readRiskSettings";
import { readScenarios, SCENARIOS_SHEET } from "../model/readScenarios";
import { riskSheet } from "../reports/riskSheet";
import { inWorkbookCurrency } from "../reports/format";
import type { FigureSettings } from "../engine/figures";
import type { WorkbookPort, WriteResult } from "../workbook/port";
import { nonFiniteReason, requireComputable } from "./computable";
import { ActionError } from "./errors";
import { assertPlanHasNoErrors } from "./planGate";
import { readRepsWorkbook } from "./readPlanWorkbook";

export interface RiskPreparation {
  /** Plain data: what the simulation needs (structured-cloneable, for a worker). */
  model: RiskModel;
  settings: RiskSettings;
  /** Problems reading Risk Settings (defaults were used), each with its cell. */
  warnings: Problem[];
  /** The workbook's currency and locale (its Settings sheet) for the tab and its sentences. */
  figures: FigureSettings;
  dataIssues: DataIssue[];
  invalidScenarios: InvalidScenario[];
}

/** Reads and validates the workbook; simulates nothing yet. */
export async function prepareRisk(book: WorkbookPort): Promise<RiskPreparation> {
  const {
    design,
    findings,
    reps,
    figures,
    extra: [scenarioSheet, settingsSheet],
  } = await readRepsWorkbook(book, "cost at risk is simulated rep by rep", [
    SCENARIOS_SHEET,
    RISK_SETTINGS_SHEET,
  ]);
  assertPlanHasNoErrors({ design, findings });
  const read = readScenarios(scenarioSheet);
  const run = prepareRun(design, reps, read.scenarios);
  // As scenarios and the pulse check: no rep to simulate, or a Baseline whose payouts are not
  // numbers, is a plain error, never a tab of $0 or NaN figures.
  requireComputable(run);
  nonFiniteReason(run, computeScenario(run, run.models[0], null), true);
  const { settings, warnings } = readRiskSettings(settingsSheet);
  return {
    model: buildRiskModel(run),
    settings,
    warnings,
    figures,
    dataIssues: run.dataIssues,
    invalidScenarios: [
      ...run.invalidScenarios,
      ...read.problems.map(({ message, cell }) => ({
        name: SCENARIOS_SHEET,
        reason: message,
        cell,
      })),
    ],
  };
}

export interface RiskComputation extends Omit<RiskPreparation, "model"> {
  result: RiskResult;
}

const withoutModel = (p: RiskPreparation): Omit<RiskPreparation, "model"> => ({
  settings: p.settings,
  warnings: p.warnings,
  figures: p.figures,
  dataIssues: p.dataIssues,
  invalidScenarios: p.invalidScenarios,
});

const cancelled = () => new ActionError("cancelled", "Cancelled: the workbook was left as it was.");

/**
 * Simulates every scenario in blocks of trials (progress, cancel and a pause between blocks);
 * rejects with ActionError("cancelled") when cancelled.
 */
export async function computeRisk(
  prepared: RiskPreparation,
  callbacks: SimulationCallbacks = {}
): Promise<RiskComputation> {
  const result = await simulateCostAtRisk(prepared.model, prepared.settings, callbacks);
  if (!result) throw cancelled();
  return { ...withoutModel(prepared), result };
}

/** Writes (or replaces) the Plan Cost at Risk tab. */
export async function writeRiskSheet(
  book: WorkbookPort,
  computation: RiskComputation
): Promise<WriteResult> {
  const [sheet] = await book.writeOwnedSheets([
    inWorkbookCurrency(
      riskSheet({
        result: computation.result,
        warnings: computation.warnings,
        dataIssues: computation.dataIssues,
        invalidScenarios: computation.invalidScenarios,
        figures: computation.figures,
      }),
      computation.figures
    ),
  ]);
  return sheet;
}

export interface RiskRunResult extends RiskComputation {
  /** The tab written; null when not asked to write. */
  sheet: WriteResult | null;
}

/** Everything in one go (the CLI): read, simulate, and write the tab when `write` is true. */
export async function runRiskAction(
  book: WorkbookPort,
  options: { write: boolean }
): Promise<RiskRunResult> {
  const prepared = await prepareRisk(book);
  const computation: RiskComputation = {
    ...withoutModel(prepared),
    result: simulateCostAtRiskSync(prepared.model, prepared.settings),
  };
  const sheet = options.write ? await writeRiskSheet(book, computation) : null;
  return { ...computation, sheet };
}
