/** What "Write plan pages" did, in words for the pane's message bar. */
import type { WriteResult } from "../../workbook/port";
import { listOf } from "../alignment/format";

export interface WrittenMessage {
  intent: "success" | "info";
  title: string;
  message: string;
}

/** "Plan - A (2)" → "Plan - A"; null when the name has no numbered suffix. */
const unsuffixed = (name: string): string | null => /^(.*) \(\d+\)$/.exec(name)?.[1] ?? null;

const quoted = (names: readonly string[]) => listOf(names.map((n) => `“${n}”`));

export function describeWritten(sheets: readonly WriteResult[]): WrittenMessage {
  if (sheets.length === 0) {
    return {
      intent: "info",
      title: "No plan pages to write",
      message: "The Matrix has no plans yet, so no page was written.",
    };
  }
  const created = sheets.filter((s) => s.action === "created").map((s) => s.name);
  const replaced = sheets.filter((s) => s.action === "replaced").map((s) => s.name);
  const parts: string[] = [];
  if (created.length > 0) parts.push(`Wrote ${quoted(created)}.`);
  if (replaced.length > 0) parts.push(`Refreshed ${quoted(replaced)} in place.`);
  for (const s of sheets) {
    const base = unsuffixed(s.name);
    if (base && s.action === "created")
      parts.push(
        `A sheet of yours is named “${base}”, so CompAlign left it as it is and used “${s.name}”.`
      );
  }
  parts.push("Each tab is one plan on a page, ready to print or share with reps.");
  return {
    intent: "success",
    title: sheets.length === 1 ? "Plan page written" : "Plan pages written",
    message: parts.join(" "),
  };
}
