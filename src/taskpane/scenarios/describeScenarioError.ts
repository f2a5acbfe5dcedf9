/**
 * Turns what a Scenarios-tab task threw into a message for the pane: a title, what happened and
 * what to do next. Never empty, never a stack. A missing Matrix or Reps sheet points at the two
 * ways to get one: Insert sample data (here) or Set up workbook (Alignment tab).
 */
import { PlanHasErrorsError, SetupInsertError } from "../../actions";
import type { Finding } from "../../engine/plan";
import { listOf } from "../alignment/format";
import { paneErrorDescriber, type OwnWords, type PaneMessage } from "../shared/describePaneError";
import { TOO_LARGE_REPS, workbookAdvice } from "../shared/workbookErrorAdvice";

/** What the Scenarios tab was doing. */
export type ScenarioTask = "load" | "setup" | "sample" | "run" | "add" | "select";

export interface ScenarioError extends PaneMessage<ScenarioTask> {
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

const missing = (title: string, message: string, next: string): OwnWords<ScenarioError> => ({
  intent: "warning",
  missingSheet: true,
  title,
  message,
  next,
});

export const describeScenarioError: (error: unknown, task: ScenarioTask) => ScenarioError =
  paneErrorDescriber<ScenarioTask, ScenarioError>({
    failed: FAILED,
    advice: WORKBOOK_NEXT,
    plain: { missingSheet: false },
    known: {
      "plan-has-errors": (error) => {
        if (!(error instanceof PlanHasErrorsError)) return null;
        const n = error.findings.length;
        return {
          intent: "error",
          missingSheet: false,
          title: `The plan has ${n} error${n === 1 ? "" : "s"}`,
          message: "Scenarios are not run on a plan with errors.",
          next: "Fix the cells listed, then select Refresh list.",
          findings: error.findings,
        };
      },
      "no-matrix": missing(
        "No Matrix sheet",
        "Scenarios change a plan design, and this workbook has no Matrix sheet with one.",
        GET_SHEETS
      ),
      "no-reps": missing(
        "No Reps sheet",
        "Scenarios are computed rep by rep, and this workbook has no Reps sheet with the reps' quotas and actuals.",
        `${GET_SHEETS} Both keep the sheets you already have.`
      ),
    },
    other: (error, task) => {
      if (!(error instanceof SetupInsertError)) return null;
      const added = error.created.length > 0 ? ` Added ${listOf(error.created)} before that.` : "";
      const inner = describeScenarioError(error.failure, task);
      return { ...inner, message: `${inner.message}${added}` };
    },
  });
