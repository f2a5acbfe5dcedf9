/**
 * What "Set up workbook" and "Alignment view" did, in words for the pane's message bar.
 */
import type { SetupResult } from "../../actions";
import type { WriteResult } from "../../workbook/port";
import { listOf } from "./format";

export type Outcome = { task: "setup"; result: SetupResult } | { task: "view"; sheet: WriteResult };

export interface OutcomeMessage {
  intent: "success" | "info";
  title: string;
  message: string;
}

/** "Alignment View (2)" → "Alignment View"; null when the name has no numbered suffix. */
const unsuffixed = (name: string): string | null => /^(.*) \(\d+\)$/.exec(name)?.[1] ?? null;

/**
 * What "Set up workbook" did, the same words on every tab that offers it; `next` is that tab's
 * next step ("Edit them, then select Check alignment.").
 */
export function describeSetup(result: SetupResult, next: string): OutcomeMessage {
  const { created, kept } = result;
  const keptText =
    kept.length > 0
      ? ` Kept ${listOf(kept)} as ${kept.length === 1 ? "it was" : "they were"}.`
      : "";
  if (created.length === 0) {
    return {
      intent: "info",
      title: "Nothing to add",
      message: `The workbook already has ${listOf(kept)}; they were left as they are.`,
    };
  }
  return {
    intent: "success",
    title: "Workbook set up",
    message: `Added ${listOf(created)} with a starter plan.${keptText} ${next}`,
  };
}

export function describeOutcome(outcome: Outcome): OutcomeMessage {
  if (outcome.task === "setup")
    return describeSetup(outcome.result, "Edit them, then select Check alignment.");
  const { name, action } = outcome.sheet;
  const base = unsuffixed(name);
  const where =
    action === "replaced"
      ? `Refreshed the sheet “${name}” in place.`
      : `Wrote the sheet “${name}”.`;
  const why = base
    ? ` A sheet of yours is named “${base}”, so CompAlign left it as it is and used this name.`
    : "";
  return { intent: "success", title: "Alignment view written", message: `${where}${why}` };
}
