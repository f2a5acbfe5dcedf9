/**
 * The Scenarios tab's state and its workbook work: list the scenarios (read and validated, not
 * computed), insert the sample data, add a row through the host's callback, run the picked
 * scenarios with progress and Cancel, and go to a cell. Every call goes through the
 * WorkbookAccess to an action (src/actions) or a helper that uses only the port; nothing here
 * computes or touches Office (the scenario computation runs in ../worker).
 *
 * Calls never overlap: they go through one queue. One task the user started runs at a time
 * (the buttons are disabled meanwhile); a quiet re-read asked for by a table change waits for it.
 */
import { useCallback, useEffect } from "react";
import { ActionError } from "../../actions";
import { loadScenarioRun, runScenarioAction, type ScenarioRunResult } from "../../actions";
import { useGoToCell, useQuietRefresh, useTaskRunner } from "../shared/useTaskRunner";
import type { RefreshStates, TaskStates } from "../shared/useTaskRunner";
import type { WorkbookAccess } from "../workbookAccess";
import {
  describeScenarioError,
  type ScenarioError,
  type ScenarioTask,
} from "./describeScenarioError";
import type { ScenarioOutcome } from "./describeOutcome";
import { insertSampleData, setupWorkbook } from "../../actions";
import { listingOf, type ScenarioListing } from "./listing";
import type { ScenarioRow } from "./scenarioRow";
import { runTask, warmUpWorker } from "../worker/host";
import { nameKey } from "../../engine/nameKey";
import type { ComputedScenarioRun } from "../../actions";

/** A task the user started: the buttons are disabled until it ends. */
export type UserTask = Exclude<ScenarioTask, "select">;

export interface RunProgress {
  done: number;
  /** 0 until the run has read the workbook and knows how many steps there are. */
  total: number;
  label: string;
}

export interface ScenariosState {
  busy: UserTask | null;
  /** A quiet re-read after the input tables changed (the list stays on screen). */
  refreshing: boolean;
  /** The scenarios on the sheet; null until the first read succeeds. */
  listing: ScenarioListing | null;
  /** Scenarios the user unticked (lower-case names); every other runnable one runs. */
  unchecked: string[];
  progress: RunProgress | null;
  cancelling: boolean;
  /** The last run that finished. */
  result: ScenarioRunResult | null;
  outcome: ScenarioOutcome | null;
  error: ScenarioError | null;
  /** Changes when sheets were added, so table watchers subscribe again. */
  tablesVersion: number;
  /** Where focus goes after a run ends; `seq` changes each time. */
  focus: { target: "results" | "run"; seq: number } | null;
}

export interface ScenarioOptions {
  /** Hands a Scenarios row to the host to append; undefined where the workbook cannot. */
  onAddRow?: (row: ScenarioRow) => Promise<string | void>;
  /** Lets Excel breathe between chunks of a run; a macrotask by default. */
  yieldControl?: () => Promise<void>;
}

export interface ScenarioControls {
  state: ScenariosState;
  load(): Promise<void>;
  reload(): void;
  /** "Set up workbook": the starter plan, the same action as on the Alignment tab. */
  setUp(): Promise<void>;
  insertSample(): Promise<void>;
  setChecked(name: string, checked: boolean): void;
  /** Runs these scenarios after Baseline, which always runs first. */
  run(only: string[]): Promise<void>;
  cancel(): void;
  /** Resolves true when the host added the row. */
  addRow(row: ScenarioRow): Promise<boolean>;
  select(cell: string): Promise<void>;
}

export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const INITIAL: ScenariosState = {
  busy: null,
  refreshing: false,
  listing: null,
  unchecked: [],
  progress: null,
  cancelling: false,
  result: null,
  outcome: null,
  error: null,
  tablesVersion: 0,
  focus: null,
};

const lower = nameKey;

/** The runnable scenarios the user left ticked. */
export const pickedScenarios = (state: Pick<ScenariosState, "listing" | "unchecked">): string[] =>
  (state.listing?.runnable ?? []).filter((name) => !state.unchecked.includes(lower(name)));

/** A task the user started: earlier messages replaced; a failed read empties the list. */
const USER_TASK: TaskStates<ScenariosState, UserTask> = {
  start: (s, task) => ({ ...s, busy: task, outcome: null, error: null }),
  fail: (s, error, task) => ({
    ...s,
    error: describeScenarioError(error, task),
    listing: task === "load" ? null : s.listing,
  }),
  end: (s) => ({ ...s, busy: null }),
};

/** A quiet re-read after the input tables changed; a failed one empties the list. */
const RELOAD: RefreshStates<ScenariosState> = {
  mark: (s, refreshing) => ({ ...s, refreshing }),
  fail: (s, error) => ({ ...s, listing: null, error: describeScenarioError(error, "load") }),
};

const SELECT_FAILED = (s: ScenariosState, error: unknown): ScenariosState => ({
  ...s,
  error: describeScenarioError(error, "select"),
});

export function useScenarios(
  access: WorkbookAccess,
  options: ScenarioOptions = {}
): ScenarioControls {
  const runner = useTaskRunner(INITIAL, USER_TASK);
  const { state, update, perform, cancel: cancelTask } = runner;
  const { onAddRow } = options;
  const yieldControl = options.yieldControl ?? yieldToHost;

  const readListing = useCallback(
    () => access.run(async (book) => listingOf(await loadScenarioRun(book))),
    [access]
  );

  const showListing = useCallback(
    (listing: ScenarioListing) =>
      update((s) => ({ ...s, listing, error: s.error?.task === "load" ? null : s.error })),
    [update]
  );

  const showRead = useCallback(
    async () => showListing(await readListing()),
    [readListing, showListing]
  );
  /** A quiet re-read: the list stays on screen; waits for a task the user started. */
  const reload = useQuietRefresh(runner, RELOAD, showRead);

  const load = useCallback(() => perform("load", showRead), [perform, showRead]);

  // The worker that runs scenarios and cost at risk starts while the tab is read.
  useEffect(() => warmUpWorker(), []);

  useEffect(() => {
    void load();
  }, [load]);

  const addSheets = useCallback(
    (task: "setup" | "sample") =>
      perform(task, async () => {
        try {
          const result = await access.run(task === "setup" ? setupWorkbook : insertSampleData);
          update((s) => ({
            ...s,
            outcome: { task, result },
            tablesVersion: result.created.length > 0 ? s.tablesVersion + 1 : s.tablesVersion,
          }));
        } finally {
          // Whatever was added (even part-way), the list shows the workbook as it now is.
          try {
            showListing(await readListing());
          } catch (error) {
            update((s) => ({
              ...s,
              listing: null,
              error: s.error ?? describeScenarioError(error, "load"),
            }));
          }
        }
      }),
    [access, perform, readListing, showListing, update]
  );
  const setUp = useCallback(() => addSheets("setup"), [addSheets]);
  const insertSample = useCallback(() => addSheets("sample"), [addSheets]);

  const setChecked = useCallback(
    (name: string, checked: boolean) =>
      update((s) => {
        const rest = s.unchecked.filter((n) => n !== lower(name));
        return { ...s, unchecked: checked ? rest : [...rest, lower(name)] };
      }),
    [update]
  );

  const focusNext = (target: "results" | "run") => (s: ScenariosState) => ({
    ...s,
    focus: { target, seq: (s.focus?.seq ?? 0) + 1 },
  });

  const run = useCallback(
    (only: string[]) =>
      perform("run", async (signal) => {
        update((s) => ({
          ...s,
          cancelling: false,
          progress: { done: 0, total: 0, label: "Reading the workbook…" },
        }));
        try {
          const result = await access.run((book) =>
            runScenarioAction(book, {
              only,
              signal,
              yieldControl,
              // The computation and the tabs' layout run in the pane's Web Worker (main thread
              // where there is none); the tabs come back laid out, ready to write.
              compute: (port, options) =>
                runTask<ComputedScenarioRun>(
                  "scenarios",
                  { only: options.only, runDate: port.runDate ?? null },
                  {
                    book: port,
                    signal: options.signal,
                    onProgress: options.onProgress,
                    yieldControl: options.yieldControl,
                  }
                ),
              onProgress: (done, total, label) =>
                update((s) => ({ ...s, progress: { done, total, label } })),
            })
          );
          const computed = result.run.scenarios.length;
          update((s) =>
            focusNext("results")({
              ...s,
              result,
              progress: {
                done: s.progress?.total || 1,
                total: s.progress?.total || 1,
                label: `Done: ${computed} ${computed === 1 ? "scenario" : "scenarios"} computed, ${result.sheets.length} tabs written.`,
              },
            })
          );
        } catch (error) {
          if (error instanceof ActionError && error.kind === "cancelled") {
            update((s) =>
              focusNext("run")({
                ...s,
                progress: null,
                outcome: { task: "cancelled", message: error.message },
              })
            );
            return;
          }
          update((s) => focusNext("run")({ ...s, progress: null }));
          throw error;
        } finally {
          update((s) => ({ ...s, cancelling: false }));
        }
      }),
    [access, perform, update, yieldControl]
  );

  const cancel = useCallback(() => {
    if (cancelTask("run")) update((s) => ({ ...s, cancelling: true }));
  }, [cancelTask, update]);

  const addRow = useCallback(
    async (row: ScenarioRow) => {
      if (!onAddRow) return false;
      let added = false;
      await perform("add", async () => {
        const range = await onAddRow(row);
        added = true;
        update((s) => ({
          ...s,
          outcome: {
            task: "add",
            scenario: String(row.Scenario),
            change: String(row.Change),
            range: range || "the end of the Scenarios sheet",
          },
        }));
        try {
          showListing(await readListing());
        } catch (error) {
          update((s) => ({ ...s, error: describeScenarioError(error, "load") }));
        }
      });
      return added;
    },
    [onAddRow, perform, readListing, showListing, update]
  );

  const select = useGoToCell(access, update, SELECT_FAILED);

  return { state, load, reload, setUp, insertSample, setChecked, run, cancel, addRow, select };
}
