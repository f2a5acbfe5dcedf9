/**
 * The Pulse tab's state and its workbook work: "Run pulse check" (computes the checks and writes
 * the Pulse Check tab through src/actions/pulseCheck.ts) and showing the tab it wrote. Nothing
 * here computes or touches Office: every call goes through the WorkbookAccess. One run at a
 * time; the last results stay on screen while a new run is in flight.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { runPulseCheck, type PulseCheckResult } from "../../actions/pulseCheck";
import { cellAddress } from "../../model/sheetRows";
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

export function usePulse(access: WorkbookAccess, today: () => string): PulseControls {
  const [state, setState] = useState<PulseState>({ busy: false, result: null, error: null });
  const mounted = useRef(true);
  const busy = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((change: (s: PulseState) => PulseState) => {
    if (mounted.current) setState(change);
  }, []);

  const run = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    update((s) => ({ ...s, busy: true, error: null }));
    try {
      const label = today();
      const result = await access.run((book) => runPulseCheck(book, { today: label }));
      update((s) => ({ ...s, result }));
    } catch (error) {
      update((s) => ({ ...s, error: describePulseError(error, "run") }));
    } finally {
      busy.current = false;
      update((s) => ({ ...s, busy: false }));
    }
  }, [access, today, update]);

  const sheet = state.result?.sheet.name;
  const showTab = useCallback(async () => {
    if (!sheet) return;
    try {
      await access.run((book) => book.select(cellAddress(sheet, 0, 0)));
    } catch (error) {
      update((s) => ({ ...s, error: describePulseError(error, "select") }));
    }
  }, [access, sheet, update]);

  return { state, run, showTab };
}
