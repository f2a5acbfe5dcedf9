/**
 * Turns what "Run pulse check" threw into a message for the pane: a title, what happened and
 * what to do next. Never empty, never a stack. A missing Matrix or Reps sheet is a state of the
 * workbook to fix (a warning), pointing at the ways to get one.
 */
import { ActionError } from "../../actions";
import { WorkbookError } from "../../workbook/port";
import {
  adviceFor,
  errorText,
  RETRY,
  TOO_LARGE_REPS,
  workbookAdvice,
} from "../shared/workbookErrorAdvice";

/** What the Pulse tab was doing. */
export type PulseTask = "run" | "select";

export interface PulseError {
  task: PulseTask;
  title: string;
  message: string;
  next: string | null;
  intent: "error" | "warning";
}

const FAILED: Record<PulseTask, string> = {
  run: "Could not run the pulse check",
  select: "Could not show the tab",
};

const WORKBOOK_NEXT = workbookAdvice({
  exists:
    "A sheet or table of that name is already in the workbook. Rename yours, or change Period in Pulse Settings: CompAlign never overwrites your sheets.",
  "invalid-name":
    "Change Period in the Pulse Settings sheet to a shorter label without \\ / ? * [ ] :, then run again.",
  "too-large": TOO_LARGE_REPS,
});

const GET_SHEETS =
  "Select Set up workbook (Alignment or Scenarios tab) for a starter plan to fill in, or Insert sample data on the Scenarios tab for a finished example with reps; both keep the sheets you already have.";

export function describePulseError(error: unknown, task: PulseTask): PulseError {
  if (error instanceof ActionError && error.kind === "no-matrix")
    return {
      task,
      intent: "warning",
      title: "No Matrix sheet",
      message:
        "The pulse check holds the period's results against a plan design, and this workbook has no Matrix sheet with one.",
      next: GET_SHEETS,
    };
  if (error instanceof ActionError && error.kind === "no-reps")
    return {
      task,
      intent: "warning",
      title: "No Reps sheet",
      message:
        "The pulse check is computed rep by rep on the period's actuals, and this workbook has no Reps sheet with the reps' quotas and actuals.",
      next: GET_SHEETS,
    };
  if (error instanceof WorkbookError)
    return {
      task,
      intent: "error",
      title: FAILED[task],
      message: error.message,
      next: adviceFor(WORKBOOK_NEXT, error.kind),
    };
  const message = errorText(error);
  return { task, intent: "error", title: FAILED[task], message, next: RETRY };
}
