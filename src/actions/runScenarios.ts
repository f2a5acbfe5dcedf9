/**
 * "Run scenarios" / `compalign scenarios`: reads the plan, Reps and Scenarios (one round trip),
 * computes every scenario rep by rep (Baseline first), then writes one rep-detail tab per
 * scenario and the Scenario Comparison tab, all owned by CompAlign.
 *
 * Cancel leaves the workbook as it was: nothing is written until every scenario is computed,
 * and if writing fails part-way (or is cancelled), the tabs this run added are removed.
 */
import { readRepsWorkbook } from "./readPlanWorkbook";
import {
  prepareRun,
  computeScenario,
  type ScenarioResult,
  type ScenarioRun,
} from "../engine/scenarioRunner";
import { readScenarios, SCENARIOS_SHEET } from "../model/readScenarios";
import { comparisonSheet, scenarioDetailSheet } from "../reports/scenarioSheets";
import type { SheetSpec, WorkbookPort, WriteResult } from "../workbook/port";
import { ActionError } from "./errors";

export interface ScenarioRunOptions {
  /** Names of the scenarios to run (Baseline always runs first); every scenario when omitted. */
  only?: string[];
  /** Called after each step: `done` of `total` steps (scenarios computed, then sheets written). */
  onProgress?: (done: number, total: number, label: string) => void;
  /** Aborting cancels the run; the workbook is left as it was. */
  signal?: AbortSignal;
  /** Lets the host breathe between chunks of work (the task pane yields to Excel's UI). */
  yieldControl?: () => Promise<void>;
  /**
   * Runs the compute part (`computeScenarioRun` by default); the task pane passes one that runs
   * it in a Web Worker.
   */
  compute?: (book: WorkbookPort, options: ScenarioRunOptions) => Promise<ScenarioRun>;
}

export interface ScenarioRunResult {
  run: ScenarioRun;
  sheets: WriteResult[];
}

const cancelled = () => new ActionError("cancelled", "Cancelled: the workbook was left as it was.");

/** Reads and validates; computes nothing yet. */
export async function loadScenarioRun(book: WorkbookPort, only?: string[]) {
  const {
    design,
    reps: repTable,
    extra: [scenarios],
  } = await readRepsWorkbook(book, "scenarios are computed rep by rep", [SCENARIOS_SHEET]);
  const read = readScenarios(scenarios);
  const wanted = only ? new Set(only.map((n) => n.trim().toLowerCase())) : null;
  const definitions = wanted
    ? read.scenarios.filter((s) => wanted.has(s.name.toLowerCase()))
    : read.scenarios;
  const prepared = prepareRun(design, repTable, definitions);
  prepared.invalidScenarios.push(
    ...read.problems.map((reason) => ({ name: SCENARIOS_SHEET, reason }))
  );
  return prepared;
}

/**
 * The compute part of "Run scenarios": reads through `book` and computes every scenario (Baseline
 * first); writes nothing. Pure apart from the reads, so the task pane can run it in a Web Worker
 * (src/taskpane/worker), reading through a proxy of the port.
 */
export async function computeScenarioRun(
  book: WorkbookPort,
  options: ScenarioRunOptions = {}
): Promise<ScenarioRun> {
  const { signal, onProgress } = options;
  const pause = options.yieldControl ?? (() => Promise.resolve());
  const prepared = await loadScenarioRun(book, options.only);
  const total = prepared.models.length * 2 + 1;
  let done = 0;
  const scenarios: ScenarioResult[] = [];
  for (const model of prepared.models) {
    if (signal?.aborted) throw cancelled();
    scenarios.push(computeScenario(prepared, model, scenarios[0]?.figures.totalPayout ?? null));
    onProgress?.(++done, total, `Computed ${model.name}`);
    await pause();
  }
  return { ...prepared, scenarios };
}

export async function runScenarioAction(
  book: WorkbookPort,
  options: ScenarioRunOptions = {}
): Promise<ScenarioRunResult> {
  const { signal, onProgress } = options;
  const pause = options.yieldControl ?? (() => Promise.resolve());
  const run = await (options.compute ?? computeScenarioRun)(book, options);
  const { scenarios } = run;
  const total = scenarios.length * 2 + 1;
  let done = scenarios.length;
  // Each tab is laid out just before it is written, so the host gets a breath between tabs.
  const specs: (() => SheetSpec)[] = [
    ...scenarios.map((s, i) => () => scenarioDetailSheet(run, s, `CompAlignScenario${i + 1}`)),
    () => comparisonSheet(run),
  ];
  if (signal?.aborted) throw cancelled();
  const sheets: WriteResult[] = [];
  try {
    for (const spec of specs) {
      if (signal?.aborted) throw cancelled();
      const [written] = await book.writeOwnedSheets([spec()]);
      sheets.push(written);
      onProgress?.(++done, total, `Wrote ${written.name}`);
      await pause();
    }
  } catch (e) {
    const added = sheets.filter((s) => s.action === "created").map((s) => s.name);
    if (added.length > 0) await book.deleteOwnedSheets(added);
    throw e;
  }
  return { run, sheets };
}
