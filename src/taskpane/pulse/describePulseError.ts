/**
 * Turns what "Run pulse check" threw into a message for the pane: a title, what happened and
 * what to do next. Never empty, never a stack. A missing Matrix or Reps sheet is a state of the
 * workbook to fix (a warning), pointing at the ways to get one.
 */
import {
  paneErrorDescriber,
  planErrorsWords,
  type OwnWords,
  type PaneMessage,
} from "../shared/describePaneError";
import { TOO_LARGE_REPS, workbookAdvice } from "../shared/workbookErrorAdvice";

/** What the Pulse tab was doing. */
export type PulseTask = "run" | "select";

export type PulseError = PaneMessage<PulseTask>;

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

const missing = (title: string, message: string): OwnWords<PulseError> => ({
  intent: "warning",
  title,
  message,
  next: GET_SHEETS,
});

export const describePulseError = paneErrorDescriber<PulseTask, PulseError>({
  failed: FAILED,
  advice: WORKBOOK_NEXT,
  plain: {},
  known: {
    "no-matrix": missing(
      "No Matrix sheet",
      "The pulse check holds the period's results against a plan design, and this workbook has no Matrix sheet with one."
    ),
    "no-reps": missing(
      "No Reps sheet",
      "The pulse check is computed rep by rep on the period's actuals, and this workbook has no Reps sheet with the reps' quotas and actuals."
    ),
    // The plan is checked first: a state of the workbook to fix, as on the other tabs.
    "plan-has-errors": planErrorsWords("no pulse check", "select Run pulse check again"),
  },
});
