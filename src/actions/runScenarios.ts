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
import { inWorkbookCurrency } from "../reports/format";
import { DEFAULT_FIGURE_SETTINGS } from "../engine/figures";
import { isOtherReportTab, uniqueTableName, uniqueTabNames } from "../reports/tabNames";
import {
  TableNameTakenError,
  type SheetSpec,
  type WorkbookPort,
  type WriteResult,
} from "../workbook/port";
import { arrangeReport } from "../workbook/reportLayout";
import { nonFiniteReason, requireComputable } from "./computable";
import { ActionError } from "./errors";
import { assertPlanHasNoErrors } from "./planGate";
import { nameKey } from "../engine/nameKey";

export interface ScenarioRunOptions {
  /** Names of the scenarios to run (Baseline always runs first); every scenario when omitted. */
  only?: string[];
  /** Called after each step: `done` of `total` steps (scenarios computed, then sheets written). */
  onProgress?: (done: number, total: number, label: string) => void;
  /**
   * Reps per progress report inside one scenario's computation (2,000 by default; see
   * computeScenario). Those reports have a fractional `done` (a part of the scenario's step).
   */
  blockReps?: number;
  /** Aborting cancels the run; the workbook is left as it was. */
  signal?: AbortSignal;
  /** Lets the host breathe between chunks of work (the task pane yields to Excel's UI). */
  yieldControl?: () => Promise<void>;
  /**
   * Runs the compute part (`computeScenarioRun` by default); the task pane passes one that runs
   * it in a Web Worker.
   */
  compute?: (book: WorkbookPort, options: ScenarioRunOptions) => Promise<ComputedScenarioRun>;
}

/**
 * What `compute` returns: the run, and optionally its tabs already built and laid out
 * (`layOutScenarioTabs`, table names of the first attempt), which are then written as they are.
 */
export type ComputedScenarioRun = ScenarioRun & { tabs?: SheetSpec[] };

export interface ScenarioRunResult {
  run: ScenarioRun;
  sheets: WriteResult[];
}

const cancelled = () => new ActionError("cancelled", "Cancelled: the workbook was left as it was.");

/** Reads and validates; computes nothing yet. */
export async function loadScenarioRun(book: WorkbookPort, only?: string[]) {
  const plan = await readRepsWorkbook(book, "scenarios are computed rep by rep", [SCENARIOS_SHEET]);
  assertPlanHasNoErrors(plan);
  const {
    design,
    reps: repTable,
    extra: [scenarios],
  } = plan;
  const read = readScenarios(scenarios);
  const wanted = only ? new Set(only.map(nameKey)) : null;
  const definitions = wanted
    ? read.scenarios.filter((s) => wanted.has(nameKey(s.name)))
    : read.scenarios;
  const prepared = prepareRun(design, repTable, definitions);
  prepared.invalidScenarios.push(
    ...read.problems.map(({ message, cell }) => ({ name: SCENARIOS_SHEET, reason: message, cell }))
  );
  prepared.figures = plan.figures;
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
  requireComputable(prepared);
  const total = prepared.models.length * 2 + 1;
  let done = 0;
  const first = prepared.models[0]?.name ?? "Baseline";
  onProgress?.(
    0,
    total,
    `Read ${prepared.reps.count.toLocaleString("en-US")} reps; computing ${first}…`
  );
  const scenarios: ScenarioResult[] = [];
  for (const model of prepared.models) {
    if (signal?.aborted) throw cancelled();
    const step = done;
    const result = computeScenario(prepared, model, scenarios[0]?.figures.totalPayout ?? null, {
      blockReps: options.blockReps,
      // Within the scenario: a fraction of its step, so the bar keeps moving on a big roster.
      onBlock: onProgress
        ? (reps, count) =>
            onProgress(
              step + reps / count,
              total,
              `Computing ${model.name}: ${reps.toLocaleString("en-US")} of ${count.toLocaleString("en-US")} reps`
            )
        : undefined,
    });
    // A figure that is not a finite number: the Baseline throws, another scenario is invalid.
    const overflow = nonFiniteReason(prepared, result, scenarios.length === 0);
    if (overflow)
      prepared.invalidScenarios.push({ name: model.name, reason: overflow, cell: model.cell });
    else scenarios.push(result);
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
  const computed: ComputedScenarioRun = await (options.compute ?? computeScenarioRun)(
    book,
    options
  );
  const { tabs: laidOut, ...run } = computed;
  const { scenarios } = run;
  const total = scenarios.length * 2 + 1;
  let done = scenarios.length;
  // Each tab is built and laid out just before it is written, so the host gets a breath between
  // tabs; or where the run was computed (the pane's worker), then written as it came.
  const builders = scenarioTabBuilders(run);
  const specs = builders.map((build, i) => (attempt: number) => {
    const ready = attempt === 1 ? laidOut?.[i] : undefined;
    return ready ?? build(attempt);
  });
  if (signal?.aborted) throw cancelled();
  const sheets: WriteResult[] = [];
  try {
    for (const [i, build] of specs.entries()) {
      if (signal?.aborted) throw cancelled();
      // Said before the write starts: the tabs' arrival from the worker and the first write
      // would otherwise be one long silence after "Laid out …".
      onProgress?.(done, total, `Writing tab ${i + 1} of ${specs.length}…`);
      const written = await writeWithFreeTable(book, build);
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

/**
 * The tabs a run writes, in order (one per computed scenario, then the Scenario Comparison),
 * each as a builder taking the table-name attempt (1 first; a later attempt when an earlier
 * run's stale tab holds the table name). Tabs are never lost (tabNames.ts): distinct, valid
 * names that are not another report's tab, and table names a stale tab of an earlier run
 * (renamed or deleted scenario) does not hold.
 */
export function scenarioTabBuilders(run: ScenarioRun): ((attempt: number) => SheetSpec)[] {
  const { scenarios } = run;
  const tabNames = uniqueTabNames(
    scenarios.map((s) => s.name),
    "Scenario",
    isOtherReportTab
  );
  const tableNames: string[] = [];
  return [
    ...scenarios.map((s, i) => (attempt: number) => {
      const table = uniqueTableName(
        `CompAlignScenario_${tabNames[i]}${attempt > 1 ? `_${attempt}` : ""}`,
        tableNames
      );
      return inWorkbookCurrency(
        { ...scenarioDetailSheet(run, s, table), name: tabNames[i] },
        run.figures ?? DEFAULT_FIGURE_SETTINGS
      );
    }),
    () => inWorkbookCurrency(comparisonSheet(run), run.figures ?? DEFAULT_FIGURE_SETTINGS),
  ];
}

export interface LayOutOptions {
  /** The date the adapter prints in the tabs' page header (its `runDate`); null: Excel's &D. */
  runDate?: string | null;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  yieldControl?: () => Promise<void>;
}

/**
 * The tabs of a run, built and laid out (arrangeReport, with the adapter's run date) exactly as
 * the adapter would lay them out when writing them; the adapter then writes them as they are.
 * The task pane does this in its worker, so the main thread only writes.
 */
export async function layOutScenarioTabs(
  run: ScenarioRun,
  options: LayOutOptions = {}
): Promise<SheetSpec[]> {
  const { signal, onProgress } = options;
  const pause = options.yieldControl ?? (() => Promise.resolve());
  const total = run.scenarios.length * 2 + 1;
  const tabs: SheetSpec[] = [];
  for (const build of scenarioTabBuilders(run)) {
    if (signal?.aborted) throw cancelled();
    const tab = arrangeReport(build(1), { runDate: options.runDate ?? null });
    tabs.push(tab);
    onProgress?.(run.scenarios.length, total, `Laid out ${tab.name}`);
    await pause();
  }
  return tabs;
}

/** Table-name attempts before giving up (each collision is a stale tab of an earlier run). */
const TABLE_NAME_ATTEMPTS = 20;

/** Writes a spec, with the next table name while an earlier run's tab holds the one tried. */
async function writeWithFreeTable(
  book: WorkbookPort,
  build: (attempt: number) => SheetSpec
): Promise<WriteResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [written] = await book.writeOwnedSheets([build(attempt)]);
      return written;
    } catch (e) {
      if (!(e instanceof TableNameTakenError) || attempt >= TABLE_NAME_ATTEMPTS) throw e;
    }
  }
}
