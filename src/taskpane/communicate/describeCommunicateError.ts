/**
 * Turns what a Communicate-tab task threw into a message for the pane: a title, what happened
 * and what to do next. Never empty, never a stack.
 */
import { paneErrorDescriber, planErrorsWords, type PaneMessage } from "../shared/describePaneError";
import { workbookAdvice } from "../shared/workbookErrorAdvice";

/** What the Communicate tab was doing. */
export type CommunicateTask = "load" | "write" | "copy";

export type CommunicateError = PaneMessage<CommunicateTask>;

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

export const describeCommunicateError = paneErrorDescriber<CommunicateTask, CommunicateError>({
  failed: FAILED,
  advice: WORKBOOK_NEXT,
  plain: {},
  known: {
    "no-matrix": {
      intent: "warning",
      title: "No Matrix sheet",
      message:
        "A plan on a page explains the plans in the Matrix sheet, and this workbook has none.",
      next: "On the Alignment tab, select Set up workbook: it adds the Objectives, Matrix, Curves and Reps sheets with a starter plan. Then select Read plans here.",
    },
    "plan-has-errors": planErrorsWords("no plan pages", "select Read plans again"),
  },
});
