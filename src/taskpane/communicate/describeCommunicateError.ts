/**
 * Turns what a Communicate-tab task threw into a message for the pane: a title, what happened
 * and what to do next. Never empty, never a stack.
 */
import { ActionError } from "../../actions/errors";
import { WorkbookError } from "../../workbook/port";

/** What the Communicate tab was doing. */
export type CommunicateTask = "load" | "write" | "copy";

export interface CommunicateError {
  task: CommunicateTask;
  title: string;
  message: string;
  next: string | null;
  /** A state of the workbook to fix (no Matrix sheet) rather than a failure. */
  intent: "error" | "warning";
}

const FAILED: Record<CommunicateTask, string> = {
  load: "Could not read the plans",
  write: "Could not write the plan pages",
  copy: "Could not copy the talking points",
};

const RETRY = "Try again. If it keeps happening, close and reopen the CompAlign pane.";

const WORKBOOK_NEXT: Record<WorkbookError["kind"], string> = {
  exists:
    "A sheet of that name is already in the workbook. Rename yours, or leave it: CompAlign never overwrites your sheets.",
  "not-owned": "CompAlign only changes sheets it wrote itself; your sheets are left as they are.",
  "invalid-name":
    "Shorten the plan's name in Matrix or remove \\ / ? * [ ] : from it, then try again.",
  shape: RETRY,
  unreadable: "Finish editing the cell you are in (press Enter or Esc), then try again.",
  "too-large": "Remove rows you do not need from the input sheets, then try again.",
};

export function describeCommunicateError(error: unknown, task: CommunicateTask): CommunicateError {
  if (error instanceof ActionError && error.kind === "no-matrix") {
    return {
      task,
      intent: "warning",
      title: "No Matrix sheet",
      message:
        "A plan on a page explains the plans in the Matrix sheet, and this workbook has none.",
      next: "On the Alignment tab, select Set up workbook: it adds the Objectives, Matrix, Curves and Reps sheets with a starter plan. Then select Read plans here.",
    };
  }
  if (error instanceof WorkbookError) {
    return {
      task,
      intent: "error",
      title: FAILED[task],
      message: error.message,
      next: WORKBOOK_NEXT[error.kind] ?? RETRY,
    };
  }
  const message =
    error instanceof Error && error.message ? error.message : String(error || "Unknown error");
  return { task, intent: "error", title: FAILED[task], message, next: RETRY };
}
