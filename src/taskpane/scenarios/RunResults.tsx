/**
 * The last finished run (its headline deltas are ScenarioSummary, at the top of the tab): one scenario against Baseline (ScenarioCompare), the tabs it wrote, and the scenarios it skipped
 * and reps it left out. The heading takes focus when a run ends, so keyboard and screen-reader
 * users land on the answer.
 */
import { forwardRef } from "react";
import { makeStyles, tokens, typographyStyles, useId } from "@fluentui/react-components";
import type { ScenarioRunResult } from "../../actions";
import { ScenarioCompare } from "./ScenarioCompare";
import { DataIssues } from "./DataIssues";
import { InvalidScenarios } from "./InvalidScenarios";
import { WrittenTabs } from "./WrittenTabs";

export interface RunResultsProps {
  result: ScenarioRunResult;
  /** A new run is under way: these results are about to be replaced. */
  busy: boolean;
  onSelect: (cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
});

export const RunResults = forwardRef<HTMLHeadingElement, RunResultsProps>(function RunResults(
  { result, busy, onSelect },
  heading
) {
  const styles = useStyles();
  const headingId = useId("run-results-");
  const { run, sheets } = result;
  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={busy}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        Results
      </h3>
      <ScenarioCompare scenarios={run.scenarios} sheets={sheets} onSelect={onSelect} />
      <WrittenTabs sheets={sheets} onSelect={onSelect} />
      <InvalidScenarios as="h4" scenarios={run.invalidScenarios} onSelect={onSelect} />
      <DataIssues as="h4" issues={run.dataIssues} repCount={run.reps.count} onSelect={onSelect} />
    </section>
  );
});
