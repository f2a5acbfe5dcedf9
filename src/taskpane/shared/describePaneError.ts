/**
 * One describer for every tab: what a task threw, as a message for the pane (a title, what
 * happened, what to do next; never empty, never a stack). A tab gives its title per task, its
 * wording of the workbook errors (workbookAdvice), what it says for the ActionError kinds it
 * knows (a missing Matrix or Reps sheet is a warning: a state of the workbook to fix) and the
 * defaults of its own extra fields. Nothing computable ("not-computable": the message says why)
 * is a warning saying what to change. Anything else is "could not …" with the error's text, but
 * never JavaScript's own ("Cannot read properties of undefined"): that says CompAlign failed.
 */
import { ActionError, PlanHasErrorsError, type ActionErrorKind } from "../../actions";
import { WorkbookError, type WorkbookErrorKind } from "../../workbook/port";
import {
  adviceFor,
  errorText,
  isProgramError,
  notComputableNext,
  RETRY,
} from "./workbookErrorAdvice";
import type { DescribedError } from "./Notice";

/** What every tab's error says; a tab's own error type adds fields to it. */
export interface PaneMessage<T extends string> extends DescribedError {
  /** What the tab was doing. */
  task: T;
}

/** What a tab says itself: everything but the task, which the describer fills in. */
export type OwnWords<E> = Omit<E, "task">;

export interface DescriberSpec<T extends string, E extends PaneMessage<T>> {
  /** The title of a failure, per task ("Could not run the scenarios"). */
  failed: Record<T, string>;
  /** The next step per kind of workbook error (workbookAdvice). */
  advice: Record<WorkbookErrorKind, string>;
  /** The tab's extra fields on a plain failure. */
  plain: Omit<E, keyof PaneMessage<T>>;
  /**
   * What the tab says for an ActionError of these kinds; a function may return null to leave
   * the error to the general rules.
   */
  known?: Partial<
    Record<ActionErrorKind, OwnWords<E> | ((error: ActionError, task: T) => OwnWords<E> | null)>
  >;
  /** Errors of other classes the tab recognizes (checked after `known`); null for the rest. */
  other?: (error: unknown, task: T) => E | null;
}

/**
 * What a tab that lists no findings of its own says for "plan-has-errors": the errors with their
 * cells, and to fix them before `nothing` ("no pulse check") can be had, then `again`.
 */
export function planErrorsWords(nothing: string, again: string) {
  return (error: ActionError): OwnWords<PaneMessage<string>> | null => {
    if (!(error instanceof PlanHasErrorsError)) return null;
    const n = error.findings.length;
    return {
      intent: "error",
      title: `The plan has ${n} error${n === 1 ? "" : "s"}: ${nothing} until ${n === 1 ? "it is" : "they are"} fixed`,
      message: error.findings
        .map((f) => (f.cell ? `${f.message} (${f.cell})` : f.message))
        .join(" "),
      next: `Fix these cells (the Alignment tab lists every finding with a link to its cell), then ${again}.`,
    };
  };
}

export function paneErrorDescriber<T extends string, E extends PaneMessage<T>>(
  spec: DescriberSpec<T, E>
): (error: unknown, task: T) => E {
  const failure = (task: T, message: string, next: string) =>
    ({ ...spec.plain, task, intent: "error", title: spec.failed[task], message, next }) as E;
  return (error, task) => {
    if (error instanceof ActionError) {
      const entry = spec.known?.[error.kind];
      const words = typeof entry === "function" ? entry(error, task) : entry;
      if (words) return { ...words, task } as E;
      // A state of the workbook, said in the message: a warning with what to change, not "try
      // again".
      if (error.kind === "not-computable")
        return {
          ...failure(task, error.message, notComputableNext(error.message)),
          intent: "warning",
        };
    }
    const other = spec.other?.(error, task);
    if (other) return other;
    if (error instanceof WorkbookError)
      return failure(task, error.message, adviceFor(spec.advice, error.kind));
    // The technical text stays out of the pane, but not out of reach: the console has it.
    if (isProgramError(error)) console.error("CompAlign:", error);
    return failure(task, errorText(error), RETRY);
  };
}
