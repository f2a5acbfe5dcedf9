/**
 * The Pulse tab's state and its workbook work: "Run pulse check" (computes the checks and writes
 * the Pulse Check tab through src/actions/pulseCheck.ts) and showing the tab it wrote. Nothing
 * here computes or touches Office: every call goes through the WorkbookAccess. One run at a
 * time; the last results stay on screen while a new run is in flight.
 */
import { useCallback } from "react";
import { runPulseCheck, type PulseCheckResult } from "../../actions";
import { cellAddress } from "../../model/sheetRows";
import { useGoToCell, useTaskRunner, type TaskStates } from "../shared/useTaskRunner";
import type { WorkbookAccess } from "../workbookAccess";
import { describePulseError, type PulseError } from "./describePulseError";

export interface PulseState {
  busy: boolean;
  /** The latest run that worked; null until the first one does. */
  result: PulseCheckResult | null;
  error: PulseError | null;
}

export interface PulseControls {
  state: PulseState;
  run(): Promise<void>;
  showTab(): Promise<void>;
}

const INITIAL: PulseState = { busy: false, result: null, error: null };

/** "Run pulse check": the last results stay on screen; the error is replaced. */
const RUN: TaskStates<PulseState, "run"> = {
  start: (s) => ({ ...s, busy: true, error: null }),
  fail: (s, error, task) => ({ ...s, error: describePulseError(error, task) }),
  end: (s) => ({ ...s, busy: false }),
};

const SELECT_FAILED = (s: PulseState, error: unknown): PulseState => ({
  ...s,
  error: describePulseError(error, "select"),
});

export function usePulse(access: WorkbookAccess, today: () => string): PulseControls {
  const { state, update, perform } = useTaskRunner(INITIAL, RUN);

  const run = useCallback(
    () =>
      perform("run", async () => {
        const label = today();
        const result = await access.run((book) => runPulseCheck(book, { today: label }));
        update((s) => ({ ...s, result }));
      }),
    [access, perform, today, update]
  );

  const goTo = useGoToCell(access, update, SELECT_FAILED);
  const sheet = state.result?.sheet.name;
  const showTab = useCallback(
    async () => (sheet ? goTo(cellAddress(sheet, 0, 0)) : undefined),
    [goTo, sheet]
  );

  return { state, run, showTab };
}
