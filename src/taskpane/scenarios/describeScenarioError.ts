/**
 * Turns what a Scenarios-tab task threw into a message for the pane: a title, what happened and
 * what to do next. Never empty, never a stack. A missing Matrix or Reps sheet points at the two
 * ways to get one: Insert sample data (here) or Set up workbook (Alignment tab).
 */
import { ActionError } from "../../actions";
import { PlanHasErrorsError } from "../../actions";
import type { Finding } from "../../engine/plan";
import { WorkbookError } from "../../workbook/port";
import { SetupInsertError } from "../../actions";
import { listOf } from "../alignment/format";
import {
  adviceFor,
  errorText,
  RETRY,
  TOO_LARGE_REPS,
  workbookAdvice,
} from "../shared/workbookErrorAdvice";

/** What the Scenarios tab was doing. */
export type ScenarioTask = "load" | "setup" | "sample" | "run" | "add" | "select";

export interface ScenarioError {
  task: ScenarioTask;
  title: string;
  message: string;
  next: string | null;
  /** A state of the workbook to fix (a missing sheet) rather than a failure. */
  intent: "error" | "warning";
  /** True when the next step is Set up workbook (or Insert sample data). */
  missingSheet: boolean;
  /** The plan's error findings, when those are what stopped the task (listed with their cells). */
  findings?: Finding[];
}

const FAILED: Record<ScenarioTask, string> = {
  load: "Could not read the scenarios",
  setup: "Could not set up the workbook",
  sample: "Could not insert the sample data",
  run: "Could not run the scenarios",
  add: "Could not add the row",
  select: "Could not go to that cell",
};

const WORKBOOK_NEXT = workbookAdvice({
  exists:
    "A sheet or table of that name is already in the workbook. Rename yours, or leave it: CompAlign never overwrites your sheets.",
  "invalid-name": "Check the sheet's name: 31 characters or fewer, without \\ / ? * [ ] :.",
  "too-large": TOO_LARGE_REPS,
});

const GET_SHEETS =
  "Select Set up workbook for a starter plan to fill in with your own (the same as on the Alignment tab), or Insert sample data for a finished example plan with 360 reps and five scenarios to explore.";

export function describeScenarioError(error: unknown, task: ScenarioTask): ScenarioError {
  const base = { task, intent: "error" as const, missingSheet: false };
  if (error instanceof PlanHasErrorsError) {
    const n = error.findings.length;
    return {
      ...base,
      title: `The plan has ${n} error${n === 1 ? "" : "s"}`,
      message: "Scenarios are not run on a plan with errors.",
      next: "Fix the cells listed, then select Refresh list.",
      findings: error.findings,
    };
  }
  if (error instanceof ActionError && error.kind === "no-matrix") {
    return {
      ...base,
      intent: "warning",
      missingSheet: true,
      title: "No Matrix sheet",
      message: "Scenarios change a plan design, and this workbook has no Matrix sheet with one.",
      next: GET_SHEETS,
    };
  }
  if (error instanceof ActionError && error.kind === "no-reps") {
    return {
      ...base,
      intent: "warning",
      missingSheet: true,
      title: "No Reps sheet",
      message:
        "Scenarios are computed rep by rep, and this workbook has no Reps sheet with the reps' quotas and actuals.",
      next: `${GET_SHEETS} Both keep the sheets you already have.`,
    };
  }
  if (error instanceof SetupInsertError) {
    const added = error.created.length > 0 ? ` Added ${listOf(error.created)} before that.` : "";
    const inner = describeScenarioError(error.failure, task);
    return { ...inner, message: `${inner.message}${added}` };
  }
  if (error instanceof WorkbookError) {
    return {
      ...base,
      title: FAILED[task],
      message: error.message,
      next: adviceFor(WORKBOOK_NEXT, error.kind),
    };
  }
  const message = errorText(error);
  return { ...base, title: FAILED[task], message, next: RETRY };
}
