/**
 * Turns what an action threw into a message for the pane: a title, what happened (the
 * workbook's own words for a WorkbookError) and what to do next. Never empty, never a stack.
 */
import { ActionError } from "../../actions";
import { WorkbookError } from "../../workbook/port";
import { adviceFor, errorText, RETRY, workbookAdvice } from "../shared/workbookErrorAdvice";

/** What the pane was doing when it failed. */
export type PaneTask = "setup" | "check" | "recheck" | "view" | "select";

export interface PaneError {
  task: PaneTask;
  title: string;
  message: string;
  /** What to do about it; null when there is nothing useful to add. */
  next: string | null;
  /** True when the fix is "Set up workbook". */
  suggestsSetup: boolean;
}

const FAILED: Record<PaneTask, string> = {
  setup: "Could not set up the workbook",
  check: "Could not check alignment",
  recheck: "Could not re-check alignment",
  view: "Could not write the alignment view",
  select: "Could not go to that cell",
};

/** Next step for each kind of workbook error. */
const WORKBOOK_NEXT = workbookAdvice({
  exists:
    "Rename or remove the sheet that has that name, or leave it: Set up workbook keeps existing sheets.",
  "invalid-name": "Rename the sheet so its name is 31 characters or fewer, without \\ / ? * [ ] :.",
});

export function describeError(error: unknown, task: PaneTask): PaneError {
  const title = FAILED[task];
  if (error instanceof ActionError) {
    if (error.kind === "no-matrix") {
      return {
        task,
        title: "No Matrix sheet",
        message: "This workbook has no Matrix sheet, so there is no plan design to check.",
        next: "Select Set up workbook: it adds the Objectives, Matrix, Curves and Reps sheets with a starter plan, and keeps any sheets you already have.",
        suggestsSetup: true,
      };
    }
    if (error.kind === "cancelled") {
      return { task, title: "Cancelled", message: error.message, next: null, suggestsSetup: false };
    }
  }
  if (error instanceof WorkbookError) {
    return {
      task,
      title,
      message: error.message,
      next: adviceFor(WORKBOOK_NEXT, error.kind),
      suggestsSetup: false,
    };
  }
  const message = errorText(error);
  return { task, title, message, next: RETRY, suggestsSetup: false };
}
