/**
 * The Alignment tab's state and its workbook work: "Set up workbook", "Check alignment",
 * "Alignment view", a quiet re-check when the input tables change, and going to a finding's
 * cell. Every call goes through the WorkbookAccess to an action in src/actions; nothing here
 * computes or touches Office.
 *
 * Runs never overlap: they go through one queue, so a re-check asked for while another run is
 * in flight starts after it (and asking again before it starts does not add a second one).
 * While any run is in flight the last results stay on screen and are swapped when the new
 * ones arrive, so the pane never flickers or goes blank.
 */
import { useCallback, useRef } from "react";
// Straight from each action's module (not the src/actions index), so the scenario engine the
// index also exports stays in the Scenarios tab's chunk.
import { runAlignmentCheck, writeAlignmentView, type AlignmentCheck } from "../../actions";
import { setupWorkbook } from "../../actions";
import {
  useGoToCell,
  useQuietRefresh,
  useTaskRunner,
  quietReadStates,
  userTaskStates,
} from "../shared/useTaskRunner";
import type { WorkbookAccess } from "../workbookAccess";
import { describeError, type PaneError, type PaneTask } from "./describeError";
import type { Outcome } from "./describeOutcome";

/** A run the user started; the buttons are disabled until it ends. */
export type UserTask = "setup" | "check" | "view";

export interface AlignmentState {
  /** The run the user started and is waiting for, or null. */
  busy: UserTask | null;
  /** True while a re-check the pane started by itself runs (results stay shown). */
  updating: boolean;
  /** The latest check; null until the first one succeeds. */
  check: AlignmentCheck | null;
  /** What the last "Set up workbook" or "Alignment view" did. */
  outcome: Outcome | null;
  error: PaneError | null;
  /** Changes when setup added sheets, so table watchers subscribe again. */
  tablesVersion: number;
}

export interface AlignmentControls {
  state: AlignmentState;
  setUp(): Promise<void>;
  check(): Promise<void>;
  writeView(): Promise<void>;
  /** Re-checks quietly, keeping the results on screen; coalesces with a re-check already waiting. */
  recheck(): void;
  select(cell: string): Promise<void>;
}

const INITIAL: AlignmentState = {
  busy: null,
  updating: false,
  check: null,
  outcome: null,
  error: null,
  tablesVersion: 0,
};

/** A failed check leaves errors of other tasks alone; a successful one clears check errors. */
const CHECK_TASKS: readonly PaneTask[] = ["check", "recheck"];
const clearCheckError = (error: PaneError | null) =>
  error && CHECK_TASKS.includes(error.task) ? null : error;

/** A run the user started: buttons disabled, earlier messages replaced. */
const USER_TASK = userTaskStates<AlignmentState, UserTask>(
  { outcome: null, error: null },
  describeError
);

/** A re-check the pane started by itself: the results stay on screen meanwhile. */
const RECHECK = quietReadStates<AlignmentState>("updating", (error) =>
  describeError(error, "recheck")
);

const SELECT_FAILED = (s: AlignmentState, error: unknown): AlignmentState => ({
  ...s,
  error: describeError(error, "select"),
});

export function useAlignment(access: WorkbookAccess): AlignmentControls {
  const runner = useTaskRunner(INITIAL, USER_TASK);
  const { state, update, perform } = runner;
  const hasChecked = useRef(false);

  const showCheck = useCallback(
    (check: AlignmentCheck) => {
      hasChecked.current = true;
      update((s) => ({ ...s, check, error: clearCheckError(s.error) }));
    },
    [update]
  );

  const readCheck = useCallback(
    async () => showCheck(await access.run(runAlignmentCheck)),
    [access, showCheck]
  );
  const recheck = useQuietRefresh(runner, RECHECK, readCheck);

  const setUp = useCallback(
    () =>
      perform("setup", async () => {
        const result = await access.run(setupWorkbook);
        update((s) => ({
          ...s,
          outcome: { task: "setup", result },
          tablesVersion: result.created.length > 0 ? s.tablesVersion + 1 : s.tablesVersion,
        }));
        // New input sheets change the results already on screen.
        if (hasChecked.current && result.created.length > 0) recheck();
      }),
    [access, perform, recheck, update]
  );

  const check = useCallback(
    () =>
      perform("check", async () => {
        showCheck(await access.run(runAlignmentCheck));
      }),
    [access, perform, showCheck]
  );

  const writeView = useCallback(
    () =>
      perform("view", async () => {
        const { sheet, ...check } = await access.run(writeAlignmentView);
        showCheck(check);
        update((s) => ({ ...s, outcome: { task: "view", sheet } }));
      }),
    [access, perform, showCheck, update]
  );

  const select = useGoToCell(access, update, SELECT_FAILED);

  return { state, setUp, check, writeView, recheck, select };
}
