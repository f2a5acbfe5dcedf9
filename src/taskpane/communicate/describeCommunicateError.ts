/**
 * Turns what a Communicate-tab task threw into a message for the pane: a title, what happened
 * and what to do next. Never empty, never a stack.
 */
import { ActionError } from "../../actions";
import { PlanHasErrorsError } from "../../actions";
import { WorkbookError } from "../../workbook/port";
import { adviceFor, errorText, RETRY, workbookAdvice } from "../shared/workbookErrorAdvice";

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

const WORKBOOK_NEXT = workbookAdvice({
  exists:
    "A sheet of that name is already in the workbook. Rename yours, or leave it: CompAlign never overwrites your sheets.",
  "invalid-name":
    "Shorten the plan's name in Matrix or remove \\ / ? * [ ] : from it, then try again.",
});

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
  if (error instanceof PlanHasErrorsError) {
    const n = error.findings.length;
    return {
      task,
      intent: "error",
      title: `The plan has ${n} error${n === 1 ? "" : "s"}: no plan pages until ${n === 1 ? "it is" : "they are"} fixed`,
      message: error.findings
        .map((f) => (f.cell ? `${f.message} (${f.cell})` : f.message))
        .join(" "),
      next: "Fix these cells (the Alignment tab lists every finding with a link to its cell), then select Read plans again.",
    };
  }
  if (error instanceof WorkbookError) {
    return {
      task,
      intent: "error",
      title: FAILED[task],
      message: error.message,
      next: adviceFor(WORKBOOK_NEXT, error.kind),
    };
  }
  const message = errorText(error);
  return { task, intent: "error", title: FAILED[task], message, next: RETRY };
}
