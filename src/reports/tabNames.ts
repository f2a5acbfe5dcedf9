/**
 * Tab and table names for the sheets CompAlign writes, from user text (scenario, plan and period
 * names): one helper for every writer of tabs, so a tab is never lost or overwritten (iss14).
 *
 * - `cleanTabName`: Excel's forbidden characters \ / ? * [ ] : removed, apostrophes at the ends
 *   dropped, spaces collapsed, never empty (a fallback), never the reserved "History", and cut
 *   with "…" to fit 31 characters.
 * - `uniqueTabName`: unique against names already taken, ignoring case, with " (2)", " (3)", …
 *   within 31 characters.
 * - `uniqueTableName`: an Excel table name (letters, digits, underscores; not a cell reference)
 *   unique against names already taken, ignoring case.
 *
 * The port adds its own " (2)" when a sheet the user owns has the name (freeSheetName), so user
 * sheets are never touched; these helpers keep the names one run writes apart from each other
 * and from CompAlign's other tabs.
 */
import { sheetNameProblem } from "../workbook/port";
import { tableNameProblem } from "../workbook/specRules";

export const MAX_SHEET_NAME = 31;

/** Tab names Excel keeps for itself (ignoring case). */
const RESERVED = new Set(["history"]);

/**
 * An Excel-valid tab name from user text, at most `room` characters (31 by default): forbidden
 * characters become `replacement`, never empty (`fallback`), never reserved.
 */
export function cleanTabName(
  text: string,
  fallback: string,
  room = MAX_SHEET_NAME,
  replacement = " "
): string {
  let clean = text
    .replace(/[\\/?*[\]:]/g, replacement)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in tab names
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!clean || /^[\s-]*$/.test(clean)) clean = fallback;
  if (clean.length > room) clean = `${clean.slice(0, room - 1).trimEnd()}…`;
  if (RESERVED.has(clean.toLowerCase())) clean = `${clean.slice(0, room - 4)} (2)`;
  return clean;
}

/**
 * The first of name, "name (2)", "name (3)", … not in `taken` (ignoring case) and not `reserved`,
 * within 31 characters; never Excel's reserved names.
 */
export function uniqueTabName(
  name: string,
  taken: Iterable<string>,
  reserved: (name: string) => boolean = () => false
): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  const free = (n: string) =>
    !lower.has(n.toLowerCase()) && !RESERVED.has(n.toLowerCase()) && !reserved(n);
  if (free(name) && sheetNameProblem(name) === null) return name;
  for (let n = 2; n < 100_000; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (free(candidate)) return candidate;
  }
  throw new RangeError(`no free tab name for "${name}"`);
}

/**
 * Tab names for a list of texts (scenario names, plans), in order: clean, and distinct from each
 * other and from names `reserved` says belong to something else (such a name is prefixed with
 * `fallback`: a scenario named "Alignment View" gets "Scenario Alignment View").
 */
export function uniqueTabNames(
  texts: readonly string[],
  fallback: string,
  reserved: (name: string) => boolean = () => false
): string[] {
  const taken: string[] = [];
  return texts.map((text) => {
    let clean = cleanTabName(text, fallback);
    // Another report's name (with any " (n)"): prefixed, so no suffix can make it one again.
    if (reserved(clean)) clean = cleanTabName(`${fallback} ${clean}`, fallback);
    const name = uniqueTabName(clean, taken, reserved);
    taken.push(name);
    return name;
  });
}

/** An Excel table name from `base` (other characters become "_"), unique against `taken` ignoring case. */
export function uniqueTableName(base: string, taken: Iterable<string>): string {
  let clean = base
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/_+$/, "")
    .slice(0, 200);
  if (!/^[A-Za-z_]/.test(clean)) clean = `_${clean}`;
  if (tableNameProblem(clean)) clean = `${clean}_`;
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}_${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Every report tab CompAlign writes besides the scenario tabs (whose names come from the
 * Scenarios sheet), by fixed name or by prefix. The report modules take their names from here,
 * so a scenario tab can never take (and a later run replace) another report's tab: adding an
 * output tab adds its line here (docs/architecture.md, "How to add an output tab").
 */
export const REPORT_TABS = {
  alignmentView: { name: "Alignment View" },
  scenarioComparison: { name: "Scenario Comparison" },
  planPage: { prefix: "Plan - " },
  pulseCheck: { prefix: "Pulse Check" },
  pulseTrend: { name: "Pulse Trend" },
  costAtRisk: { name: "Plan Cost at Risk" },
} as const satisfies Record<string, { name: string } | { prefix: string }>;

/**
 * Whether a name is one of CompAlign's other report tabs (which a scenario tab must not replace):
 * any tab of REPORT_TABS, ignoring case.
 */
export function isOtherReportTab(name: string): boolean {
  // With the " (2)" the port adds when a user's sheet holds the plain name.
  const n = name.toLowerCase().replace(/ \(\d+\)$/, "");
  return Object.values(REPORT_TABS).some((tab) =>
    "name" in tab ? n === tab.name.toLowerCase() : n.startsWith(tab.prefix.toLowerCase())
  );
}
