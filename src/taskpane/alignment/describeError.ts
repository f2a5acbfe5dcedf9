/**
 * Turns what an action threw into a message for the pane: a title, what happened (the
 * workbook's own words for a WorkbookError) and what to do next. Never empty, never a stack.
 */
import { paneErrorDescriber, type PaneMessage } from "../shared/describePaneError";
import { workbookAdvice } from "../shared/workbookErrorAdvice";

/** What the pane was doing when it failed. */
export type PaneTask = "setup" | "check" | "recheck" | "view" | "select";

export interface PaneError extends PaneMessage<PaneTask> {
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

export const describeError = paneErrorDescriber<PaneTask, PaneError>({
  failed: FAILED,
  advice: WORKBOOK_NEXT,
  plain: { suggestsSetup: false },
  known: {
    "no-matrix": {
      intent: "error",
      title: "No Matrix sheet",
      message: "This workbook has no Matrix sheet, so there is no plan design to check.",
      next: "Select Set up workbook: it adds the Objectives, Matrix, Curves and Reps sheets with a starter plan, and keeps any sheets you already have.",
      suggestsSetup: true,
    },
    cancelled: (error) => ({
      intent: "error",
      title: "Cancelled",
      message: error.message,
      next: null,
      suggestsSetup: false,
    }),
  },
});
