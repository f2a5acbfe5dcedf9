/**
 * What every tab's error describer says alike: the retry advice, the next step for each kind of
 * WorkbookError where the wording does not depend on the tab, and the text of an error that is
 * neither an ActionError nor a WorkbookError. Each describer overrides only the kinds whose
 * wording is specific to its tab.
 */
import type { WorkbookErrorKind } from "../../workbook/port";

export const RETRY = "Try again. If it keeps happening, close and reopen the CompAlign pane.";

/**
 * The next step when the sheets are there but no rep (or no Baseline) could be computed
 * (ActionError "not-computable", whose message says why): trying again cannot help, the
 * workbook must change.
 */
export function notComputableNext(message: string): string {
  if (/Reps sheet has no rows/.test(message))
    return "Add your reps to the Reps sheet, one row per rep below its header (plan, target incentive, quotas and actuals), then run again. Insert sample data on the Scenarios tab adds a finished example instead.";
  return "Fix what is named above in the workbook (the cell or sheet it gives), then run again.";
}

/** "too-large" where the rows to remove are on the Reps sheet. */
export const TOO_LARGE_REPS = "Remove rows you do not need from the Reps sheet, then try again.";

/** The next step for each kind of workbook error, where no tab says it its own way. */
const DEFAULT_NEXT: Omit<Record<WorkbookErrorKind, string>, "exists" | "invalid-name"> = {
  "not-owned": "CompAlign only changes sheets it wrote itself; your sheets are left as they are.",
  shape: RETRY,
  unreadable: "Finish editing the cell you are in (press Enter or Esc), then try again.",
  "too-large": "Remove rows you do not need from the input sheets, then try again.",
};

/** A tab's next step per kind: the defaults with its own wording (it must word these two). */
export const workbookAdvice = (
  own: Pick<Record<WorkbookErrorKind, string>, "exists" | "invalid-name"> &
    Partial<Record<WorkbookErrorKind, string>>
): Record<WorkbookErrorKind, string> => ({ ...DEFAULT_NEXT, ...own });

/** The next step for a workbook error of this kind (the retry text for a kind not listed). */
export const adviceFor = (advice: Record<WorkbookErrorKind, string>, kind: WorkbookErrorKind) =>
  advice[kind] ?? RETRY;

/**
 * JavaScript's own errors (a fault in CompAlign's code, e.g. "Cannot read properties of
 * undefined (reading 'rows')"), by name, as the worker passes it on. Their text means nothing to
 * an analyst, so the pane says what it is instead (INTERNAL).
 */
const PROGRAM_ERRORS = new Set(["TypeError", "ReferenceError", "SyntaxError", "EvalError"]);
const ENGINE_LIMITS = /^(Maximum call stack size exceeded|Invalid (array|string) length)/;

export function isProgramError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return PROGRAM_ERRORS.has(error.name) || ENGINE_LIMITS.test(error.message);
}

/** What the pane says for a fault in CompAlign's code (isProgramError). */
export const INTERNAL =
  "Something went wrong inside CompAlign itself, not in your workbook's data.";

/** The text of any other error: its message, else what was thrown; never empty. */
export const errorText = (error: unknown): string =>
  isProgramError(error)
    ? INTERNAL
    : error instanceof Error && error.message
      ? error.message
      : String(error || "Unknown error");
