/**
 * The Cost at risk section's state and work: read the workbook (one short workbook call), run the
 * simulation away from the workbook call in blocks of trials with progress and Cancel, then write
 * the Plan Cost at Risk tab (a second short call). The simulation is `computeRisk`, a pure
 * function of plain data with progress and cancel callbacks; on the UI thread it yields between
 * blocks so the pane stays responsive, and a host can pass `compute` to run it in a Web Worker.
 */
import { useCallback, useEffect, useRef } from "react";
import {
  ActionError,
  PlanHasErrorsError,
  prepareRisk,
  writeRiskSheet,
  type RiskComputation,
  type RiskPreparation,
} from "../../actions";
import { blockSize, type SimulationCallbacks } from "../../engine/costAtRisk";
import type { WriteResult } from "../../workbook/port";
import { useTaskRunner, type TaskStates } from "../shared/useTaskRunner";
import { runTask } from "../worker/host";
import type { WorkbookAccess } from "../workbookAccess";
import { describeScenarioError, type ScenarioError } from "./describeScenarioError";
import { yieldToHost, type RunProgress } from "./useScenarios";

/** Runs the simulation: in the worker by default (computeRiskOffThread); tests may pass their own. */
export type RiskCompute = (
  prepared: RiskPreparation,
  callbacks: SimulationCallbacks
) => Promise<RiskComputation>;

/**
 * The simulation in the pane's Web Worker (on the main thread, in blocks, where there is none):
 * the pane's cancel flag is polled and aborts the worker's task as soon as it is set.
 */
export const computeRiskOffThread: RiskCompute = (prepared, callbacks) => {
  const controller = new AbortController();
  const poll = setInterval(() => {
    if (callbacks.isCancelled?.()) controller.abort();
  }, 50);
  return runTask<RiskComputation>(
    "risk",
    { prepared, blockTrials: callbacks.blockTrials },
    {
      signal: controller.signal,
      onProgress: callbacks.onProgress,
      yieldControl: callbacks.yieldControl,
    }
  ).finally(() => clearInterval(poll));
};

/** Rep-metric evaluations per block on the UI thread. */
export const PANE_BLOCK_WORK = 1_000_000;

export interface CostAtRiskState {
  running: boolean;
  /** True once the tab is being written (Cancel is no longer offered). */
  writing: boolean;
  cancelling: boolean;
  progress: RunProgress | null;
  result: { computation: RiskComputation; sheet: WriteResult } | null;
  error: ScenarioError | null;
  /** A run the user cancelled: the workbook was left as it was. */
  cancelledMessage: string | null;
}

const INITIAL: CostAtRiskState = {
  running: false,
  writing: false,
  cancelling: false,
  progress: null,
  result: null,
  error: null,
  cancelledMessage: null,
};

function describeRiskError(error: unknown): ScenarioError {
  if (error instanceof PlanHasErrorsError) {
    const first = error.findings[0];
    return {
      task: "run",
      intent: "warning",
      missingSheet: false,
      title: "The plan has errors",
      message: `Cost at risk is not simulated on a plan with error findings (${error.findings.length}; first: ${first?.cell ? `${first.cell}: ` : ""}${first?.message ?? ""}).`,
      next: "Fix them on the Alignment tab (Check alignment lists them and goes to each cell), then run again.",
    };
  }
  const described = describeScenarioError(error, "run");
  return described.title === "Could not run the scenarios"
    ? { ...described, title: "Could not simulate the cost at risk" }
    : described;
}

const TASK: TaskStates<CostAtRiskState, "risk"> = {
  start: (s) => ({ ...s, running: true, error: null, cancelledMessage: null }),
  fail: (s, error) => ({ ...s, error: describeRiskError(error) }),
  end: (s) => ({ ...s, running: false, writing: false, cancelling: false }),
};

export interface CostAtRiskOptions {
  yieldControl?: () => Promise<void>;
  compute?: RiskCompute;
}

export function useCostAtRisk(access: WorkbookAccess, options: CostAtRiskOptions = {}) {
  const { state, update, perform } = useTaskRunner(INITIAL, TASK);
  const cancelled = useRef(false);
  const yieldControl = options.yieldControl ?? yieldToHost;
  const compute = options.compute ?? computeRiskOffThread;

  useEffect(
    () => () => {
      cancelled.current = true;
    },
    []
  );

  const run = useCallback(
    () =>
      perform("risk", async () => {
        cancelled.current = false;
        update((s) => ({ ...s, progress: { done: 0, total: 0, label: "Reading the workbook…" } }));
        try {
          const prepared = await access.run(prepareRisk);
          if (cancelled.current)
            throw new ActionError("cancelled", "Cancelled: the workbook was left as it was.");
          const computation = await compute(prepared, {
            // About a million rep-metric evaluations a block: tens of milliseconds between yields.
            blockTrials: blockSize(prepared.model, PANE_BLOCK_WORK),
            isCancelled: () => cancelled.current,
            yieldControl,
            onProgress: (done, total, label) =>
              update((s) => ({
                ...s,
                progress: {
                  done,
                  total,
                  label: `${label}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} simulated years`,
                },
              })),
          });
          update((s) => ({
            ...s,
            writing: true,
            progress: { ...s.progress!, label: "Writing the Plan Cost at Risk tab…" },
          }));
          const sheet = await access.run((book) => writeRiskSheet(book, computation));
          update((s) => ({
            ...s,
            result: { computation, sheet },
            progress: {
              done: 1,
              total: 1,
              label: `Done: ${computation.result.scenarios.length} scenarios simulated, ${sheet.name} tab written.`,
            },
          }));
        } catch (error) {
          if (error instanceof ActionError && error.kind === "cancelled") {
            update((s) => ({ ...s, progress: null, cancelledMessage: error.message }));
            return;
          }
          update((s) => ({ ...s, progress: null }));
          throw error;
        }
      }),
    [access, compute, perform, update, yieldControl]
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    update((s) => ({ ...s, cancelling: true }));
  }, [update]);

  return { state, run, cancel };
}
