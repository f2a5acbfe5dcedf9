/**
 * The Scenarios tab on a workbook: insert the sample data, pick the scenarios to run (invalid
 * ones and data issues shown before anything runs), run them with progress and Cancel, read
 * the comparison, and add a change to the Scenarios sheet where the host can. Loaded on demand
 * (the scenario engine and the sample are only needed here). Messages appear next to what the
 * user did; after a run focus moves to the results (or back to Run when it was cancelled or
 * failed).
 */
import { useEffect, useRef } from "react";
import { AriaLiveAnnouncer, Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookAccess } from "../workbookAccess";
import { useTableWatch } from "../shared/useTableWatch";
import { ErrorNotice, Notice } from "../shared/Notice";
import { CostAtRisk } from "./CostAtRisk";
import { DataIssues } from "./DataIssues";
import { describeOutcome } from "./describeOutcome";
import type { ScenarioError } from "./describeScenarioError";
import { InvalidScenarios } from "./InvalidScenarios";
import { PlanErrors } from "./PlanErrors";
import { RunControls } from "./RunControls";
import { RunResults } from "./RunResults";
import { ScenarioSummary } from "./ScenarioSummary";
import { ScenarioActions } from "./ScenarioActions";
import { ScenarioForm } from "./ScenarioForm";
import { ScenarioPicker } from "./ScenarioPicker";
import type { ScenarioRow } from "./scenarioRow";
import { pickedScenarios, useScenarios, type ScenariosState } from "./useScenarios";
import { visuallyHidden } from "../shared/visuallyHidden";

/** The input tables whose edits change the list. */
export const WATCHED_TABLES = ["Scenarios", "Matrix", "Curves", "Reps"] as const;

export interface ScenarioWorkspaceProps {
  access: WorkbookAccess;
  /** Appends a row to the Scenarios sheet; without it the add-a-change form is not offered. */
  onAddRow?: (row: ScenarioRow) => Promise<string | void>;
  /** Lets Excel breathe between chunks of a run (a macrotask by default). */
  yieldControl?: () => Promise<void>;
  /** Shows the Alignment tab (offered when the plan has errors). */
  onShowAlignment?: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Read out, not shown: the progress bar's label already says it on screen.
  status: visuallyHidden,
});

type Area = "top" | "run" | "add";

const AREA_OF_TASK: Record<ScenarioError["task"], Area> = {
  load: "top",
  setup: "top",
  sample: "top",
  select: "top",
  run: "run",
  add: "add",
};

/** The message bars that belong in one area of the tab. */
function Notices({
  state,
  area,
  onSelect,
  onShowAlignment,
}: {
  state: ScenariosState;
  area: Area;
  onSelect: (cell: string) => void;
  onShowAlignment?: () => void;
}) {
  const { error, outcome } = state;
  const outcomeArea: Area | null = outcome
    ? outcome.task === "sample" || outcome.task === "setup"
      ? "top"
      : outcome.task === "cancelled"
        ? "run"
        : "add"
    : null;
  const message = outcome && outcomeArea === area ? describeOutcome(outcome) : null;
  return (
    <>
      {error && error.findings && AREA_OF_TASK[error.task] === area && (
        <PlanErrors
          key={`${error.title}|${error.findings.map((f) => f.cell).join()}`}
          findings={error.findings}
          onSelect={onSelect}
          onShowAlignment={onShowAlignment}
        />
      )}
      {error && !error.findings && AREA_OF_TASK[error.task] === area && (
        <ErrorNotice error={error} />
      )}
      {message && <Notice key={`${message.title}|${message.message}`} {...message} />}
    </>
  );
}

/** One line for screen readers when a run ends. */
function runStatus(state: ScenariosState): string {
  if (state.busy === "run" || state.outcome?.task === "cancelled") return "";
  if (state.result && state.progress) return state.progress.label;
  return "";
}

export function ScenarioWorkspace({
  access,
  onAddRow,
  yieldControl,
  onShowAlignment,
}: ScenarioWorkspaceProps) {
  const styles = useStyles();
  const controls = useScenarios(access, { onAddRow, yieldControl });
  const { state } = controls;
  const runButton = useRef<HTMLButtonElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useTableWatch(
    access,
    WATCHED_TABLES,
    state.listing !== null,
    controls.reload,
    state.tablesVersion
  );

  const focusSeq = state.focus?.seq;
  const focusTarget = state.focus?.target;
  useEffect(() => {
    if (focusSeq === undefined) return;
    (focusTarget === "results" ? resultsHeading.current : runButton.current)?.focus();
  }, [focusSeq, focusTarget]);

  const { listing } = state;
  const running = state.busy === "run";
  const picked = pickedScenarios(state);
  const select = (cell: string) => void controls.select(cell);

  return (
    <AriaLiveAnnouncer>
      <div className={styles.root}>
        {/* The answer first: the last run's headline deltas, above the fold at pane width. */}
        {state.result && <ScenarioSummary scenarios={state.result.run.scenarios} />}
        <div className={styles.block}>
          <ScenarioActions
            busy={state.busy}
            refreshing={state.refreshing}
            needsSetup={listing === null && state.error?.missingSheet === true}
            onSetUp={() => void controls.setUp()}
            onInsertSample={() => void controls.insertSample()}
            onRefresh={() => void controls.load()}
          />
          <Notices state={state} area="top" onSelect={select} onShowAlignment={onShowAlignment} />
        </div>

        {listing ? (
          <div className={styles.block} aria-busy={state.refreshing}>
            <ScenarioPicker
              scenarios={listing.runnable}
              unchecked={state.unchecked}
              disabled={running}
              onChange={controls.setChecked}
            />
            <InvalidScenarios scenarios={listing.invalid} onSelect={select} />
            <DataIssues issues={listing.dataIssues} repCount={listing.repCount} onSelect={select} />
          </div>
        ) : (
          // What the tab reads and how to get the sheets; not under a plan's errors, where the
          // sheets are there and the next step is to fix the cells listed.
          state.busy !== "load" &&
          !state.error?.findings && (
            <Body1 as="p" className={styles.empty}>
              Scenarios read the Matrix, Curves, Reps and Scenarios sheets. Starting from an empty
              workbook? Set up workbook adds them with a starter plan to fill in with your own;
              Insert sample data adds a finished example instead (360 reps, five scenarios) to
              explore.
            </Body1>
          )
        )}

        <div className={styles.block}>
          <RunControls
            ref={runButton}
            picked={picked}
            running={running}
            cancelling={state.cancelling}
            disabled={state.busy !== null || listing === null}
            listed={listing !== null}
            progress={state.progress}
            onRun={() => void controls.run(picked)}
            onCancel={controls.cancel}
          />
          <Notices state={state} area="run" onSelect={select} onShowAlignment={onShowAlignment} />
          <p role="status" aria-live="polite" className={styles.status}>
            {runStatus(state)}
          </p>
        </div>

        {listing && onAddRow && (
          <ScenarioForm
            listing={listing}
            busy={state.busy !== null}
            onSubmit={controls.addRow}
            notice={<Notices state={state} area="add" onSelect={select} />}
          />
        )}

        {state.result && (
          <RunResults ref={resultsHeading} result={state.result} busy={running} onSelect={select} />
        )}

        {listing && (
          <CostAtRisk
            access={access}
            disabled={state.busy !== null}
            yieldControl={yieldControl}
            onSelect={select}
          />
        )}
      </div>
    </AriaLiveAnnouncer>
  );
}

export default ScenarioWorkspace;
