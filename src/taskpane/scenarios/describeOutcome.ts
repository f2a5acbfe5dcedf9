/**
 * What a finished Scenarios-tab task did, in words for a message bar: the starter (Set up
 * workbook) or sample sheets added and kept, a row added to the Scenarios sheet, a run cancelled.
 */
import { describeSetup } from "../alignment/describeOutcome";
import { listOf } from "../alignment/format";
import { cellText, changeLabel } from "../shared/labels";
import type { SetupResult } from "../../actions";

export type ScenarioOutcome =
  | { task: "setup"; result: SetupResult }
  | { task: "sample"; result: SetupResult }
  | { task: "add"; scenario: string; change: string; range: string }
  | { task: "cancelled"; message: string };

export interface OutcomeMessage {
  intent: "success" | "info";
  title: string;
  message: string;
  next?: string | null;
}

const they = (n: number) => (n === 1 ? "it was" : "they were");

export function describeOutcome(outcome: ScenarioOutcome): OutcomeMessage {
  switch (outcome.task) {
    case "setup":
      // The same action as the Alignment tab's, in the same words; only the next step differs.
      return describeSetup(
        outcome.result,
        "Edit the plan and its scenarios, then pick the scenarios and select Run scenarios."
      );
    case "sample": {
      const { created, kept } = outcome.result;
      if (created.length === 0) {
        return {
          intent: "info",
          title: "Nothing to add",
          message: `The workbook already has ${listOf(kept)}; ${kept.length === 1 ? "it was" : "they were"} left as ${kept.length === 1 ? "it is" : "they are"}.`,
        };
      }
      const keptText =
        kept.length > 0
          ? ` Kept ${listOf(kept)} as ${they(kept.length)}: the sample's reps and scenarios are written for the sample plan, so with your own sheets some reps may be left out as data issues and some scenarios may not run.`
          : "";
      return {
        intent: "success",
        title: "Sample data inserted",
        message: `Added ${listOf(created)}: a sample plan, its reps and its what-if scenarios.${keptText}`,
        next: "Pick the scenarios to run, then select Run scenarios.",
      };
    }
    case "add":
      return {
        intent: "success",
        title: "Row added",
        message: `Added “${changeLabel(outcome.change).title}” to “${outcome.scenario}” at ${cellText(outcome.range)}.`,
      };
    case "cancelled":
      return { intent: "info", title: "Run cancelled", message: outcome.message };
  }
}
