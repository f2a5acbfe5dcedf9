/**
 * Run scenarios and Cancel, with a determinate progress bar driven by the run's steps (each
 * scenario computed, then each tab written). Cancel stops the run between steps and leaves the
 * workbook as it was. It is offered while scenarios are computed (nothing is written yet); once
 * the tabs are being written it is not, because a tab of an earlier run that was already
 * replaced could not be put back, and "left as it was" would not be true.
 */
import { forwardRef } from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import { CancelButton, RunProgressBar } from "../shared/RunProgress";
import type { RunProgress } from "./useScenarios";

export interface RunControlsProps {
  /** Scenarios that will run after Baseline. */
  picked: readonly string[];
  running: boolean;
  cancelling: boolean;
  /** Another task runs, or there is nothing to run yet. */
  disabled: boolean;
  /** The scenarios have been read (the summary of what a run does is shown then). */
  listed: boolean;
  progress: RunProgress | null;
  onRun: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * True once the run writes tabs: a run of n scenarios (Baseline included) reports n steps
 * computing, then n + 1 steps writing.
 */
export const isWriting = (progress: RunProgress | null): boolean =>
  progress !== null && progress.total > 0 && progress.done >= (progress.total - 1) / 2;

/** "Runs Baseline and 2 scenarios." */
export function runSummary(picked: readonly string[]): string {
  if (picked.length === 0) return "Runs Baseline only.";
  return `Runs Baseline and ${picked.length} ${picked.length === 1 ? "scenario" : "scenarios"}.`;
}

export const RunControls = forwardRef<HTMLButtonElement, RunControlsProps>(function RunControls(
  { picked, running, cancelling, disabled, listed, progress, onRun, onCancel },
  runButton
) {
  const styles = useStyles();
  const writing = running && isWriting(progress);
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          ref={runButton}
          appearance={listed ? "primary" : "secondary"}
          data-primary={listed || undefined}
          icon={<PlayRegular />}
          disabledFocusable={disabled || running}
          onClick={onRun}
        >
          Run scenarios
        </Button>
        {running && <CancelButton cancelling={cancelling} disabled={writing} onCancel={onCancel} />}
      </div>
      {(listed || writing) && (
        <Body1 as="p" className={styles.note}>
          {writing
            ? "Writing the tabs: a run can be cancelled until it starts writing."
            : `${runSummary(picked)} Each gets a tab of rep detail, and Scenario Comparison sets them side by side.`}
        </Body1>
      )}
      {progress && <RunProgressBar label="Run progress" progress={progress} />}
    </div>
  );
});
