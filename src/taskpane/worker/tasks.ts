/**
 * The tasks the pane's worker can run, by kind. A task is pure computation: it gets its input,
 * a read-only view of the workbook (reads are forwarded to the pane), progress and cancel, and
 * returns its output. Add a kind by adding an entry here (e.g. a Monte Carlo simulation); the
 * same table runs on the main thread where there is no Worker.
 */
import { computeRisk, type RiskPreparation } from "../../actions";
import { computeScenarioRun, layOutScenarioTabs } from "../../actions";
import type { WorkbookPort } from "../../workbook/port";

export interface TaskContext {
  /** Reads only: readSheets, sheetNames, ownedSheets. */
  book: WorkbookPort;
  signal: AbortSignal;
  progress(done: number, total: number, label: string): void;
  /** Lets the thread breathe between chunks (a macrotask; in a worker, it lets cancel in). */
  yieldControl(): Promise<void>;
}

export type TaskHandler = (input: never, context: TaskContext) => Promise<unknown>;

export interface ScenariosTaskInput {
  only?: string[];
  /** The run date the pane's adapter prints in page headers (WorkbookPort.runDate). */
  runDate?: string | null;
}

export interface RiskTaskInput {
  prepared: RiskPreparation;
  /** Trials per block (progress and cancel are checked between blocks). */
  blockTrials?: number;
}

export const TASKS: Record<string, TaskHandler> = {
  /**
   * "Run scenarios", compute part: the ScenarioRun, with its tabs built and laid out
   * (ComputedScenarioRun, see actions/runScenarios.ts), so the pane's thread only writes them.
   */
  scenarios: (async (input: ScenariosTaskInput, ctx: TaskContext) => {
    const options = {
      only: input.only,
      signal: ctx.signal,
      onProgress: ctx.progress,
      yieldControl: ctx.yieldControl,
    };
    const run = await computeScenarioRun(ctx.book, options);
    const tabs = await layOutScenarioTabs(run, { ...options, runDate: input.runDate ?? null });
    return { ...run, tabs };
  }) as TaskHandler,
  /** "Cost at risk", compute part: the Monte Carlo simulation (see actions/runRisk.ts); no reads. */
  risk: ((input: RiskTaskInput, ctx: TaskContext) =>
    computeRisk(input.prepared, {
      blockTrials: input.blockTrials,
      onProgress: ctx.progress,
      isCancelled: () => ctx.signal.aborted,
      yieldControl: ctx.yieldControl,
    })) as TaskHandler,
};

/** Runs the task `kind`; rejects naming the kind when there is none. */
export function runTaskHere(kind: string, input: unknown, context: TaskContext): Promise<unknown> {
  const handler = TASKS[kind] as
    ((input: unknown, context: TaskContext) => Promise<unknown>) | undefined;
  if (!handler) return Promise.reject(new Error(`no worker task "${kind}"`));
  return handler(input, context);
}
