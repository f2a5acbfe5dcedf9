/**
 * The Communicate tab's state and its workbook work: read and explain the plans (on first show,
 * on "Read plans", and quietly when the input tables change), pick a plan, copy its talking
 * points, and write the plan pages. Every workbook call goes through the WorkbookAccess to the
 * explainPlans action; nothing here computes or touches Office.
 *
 * Calls never overlap: they go through one queue. One task the user started runs at a time (the
 * buttons are disabled meanwhile); while one runs, the page on screen stays until the new one
 * arrives.
 */
import { useCallback } from "react";
import {
  explainPlans,
  writePlanPages,
  type ExplainedPlan,
  type PlanExplanations,
} from "../../actions";
import type { WriteResult } from "../../workbook/port";
import { copyText } from "../copyText";
import {
  useQuietRefresh,
  useTaskRunner,
  quietReadStates,
  userTaskStates,
} from "../shared/useTaskRunner";
import type { WorkbookAccess } from "../workbookAccess";
import {
  describeCommunicateError,
  type CommunicateError,
  type CommunicateTask,
} from "./describeCommunicateError";
import { nameKey } from "../../engine/nameKey";

/** A workbook task the user started. */
export type UserTask = Exclude<CommunicateTask, "copy">;

export interface CommunicateState {
  busy: UserTask | null;
  /** A quiet re-read after the input tables changed (the page stays on screen). */
  refreshing: boolean;
  /** Every plan, explained; null until the first read succeeds. */
  plans: ExplainedPlan[] | null;
  /** The plan shown (its name as in Matrix); null when there is none. */
  selected: string | null;
  /** The tabs the last "Write plan pages" wrote. */
  written: WriteResult[] | null;
  error: CommunicateError | null;
  /** What the last copy did, for the status line screen readers announce. */
  copyStatus: string;
  /** True when the last copy failed: the pane then shows the text to copy by hand. */
  copyFailed: boolean;
}

export interface CommunicateControls {
  state: CommunicateState;
  /** The plan shown, or null. */
  plan: ExplainedPlan | null;
  load(): Promise<void>;
  reload(): void;
  select(plan: string): void;
  copy(): Promise<void>;
  write(): Promise<void>;
}

const INITIAL: CommunicateState = {
  busy: null,
  refreshing: false,
  plans: null,
  selected: null,
  written: null,
  error: null,
  copyStatus: "",
  copyFailed: false,
};

const key = nameKey;

/** The selection kept where the plan still exists, else the first plan. */
function reselect(plans: readonly ExplainedPlan[], selected: string | null): string | null {
  const kept = selected && plans.find((p) => key(p.plan) === key(selected));
  return kept ? kept.plan : (plans[0]?.plan ?? null);
}

/** A task the user started: the error and the last tabs written are replaced. */
const USER_TASK = userTaskStates<CommunicateState, UserTask>(
  { error: null, written: null },
  describeCommunicateError
);

/** A quiet re-read after the input tables changed: the page stays on screen meanwhile. */
const RELOAD = quietReadStates<CommunicateState>("refreshing", (error) =>
  describeCommunicateError(error, "load")
);

export function useCommunicate(access: WorkbookAccess): CommunicateControls {
  const runner = useTaskRunner(INITIAL, USER_TASK);
  const { state, update, perform } = runner;

  const show = useCallback(
    (result: PlanExplanations & { plans: ExplainedPlan[] }) =>
      update((s) => ({
        ...s,
        plans: result.plans,
        selected: reselect(result.plans, s.selected),
        error: s.error?.task === "load" ? null : s.error,
      })),
    [update]
  );

  const read = useCallback(async () => show(await access.run(explainPlans)), [access, show]);
  const load = useCallback(() => perform("load", read), [perform, read]);
  const reload = useQuietRefresh(runner, RELOAD, read);

  const write = useCallback(
    () =>
      perform("write", async () => {
        const result = await access.run(writePlanPages);
        show(result);
        update((s) => ({ ...s, written: result.sheets }));
      }),
    [access, perform, show, update]
  );

  const plan = state.plans?.find((p) => p.plan === state.selected) ?? null;

  const select = useCallback(
    (name: string) => update((s) => ({ ...s, selected: name, copyStatus: "", copyFailed: false })),
    [update]
  );

  const copy = useCallback(async () => {
    if (!plan) return;
    // Emptied first, so the same confirmation twice in a row is announced twice.
    update((s) => ({ ...s, copyStatus: "" }));
    const ok = await copyText(plan.talkingPoints);
    update((s) => ({
      ...s,
      copyFailed: !ok,
      copyStatus: ok
        ? `Copied the talking points for ${plan.plan} to the clipboard.`
        : `Could not copy the talking points for ${plan.plan}: the clipboard is not available here.`,
    }));
  }, [plan, update]);

  return { state, plan, load, reload, select, copy, write };
}
