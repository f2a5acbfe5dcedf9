/**
 * The Alignment tab on a workbook: the actions, what they did, and the latest results. After
 * the first check it re-checks by itself when the Objectives, Matrix or Curves tables change
 * (where the workbook can tell it), keeping the results on screen meanwhile.
 */
import { AriaLiveAnnouncer, Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookAccess } from "../workbookAccess";
import { AlignmentActions } from "./AlignmentActions";
import { AlignmentSummary, alignmentStage } from "./AlignmentSummary";
import { useHasMatrix } from "./useHasMatrix";
import { AlignmentResults } from "./AlignmentResults";
import { describeOutcome } from "./describeOutcome";
import { ErrorNotice, Notice } from "../shared/Notice";
import { ResultsSummary } from "./ResultsSummary";
import { useAlignment } from "./useAlignment";
import { useTableWatch } from "../shared/useTableWatch";

/** The tables whose edits change the check (Reps only weighs plans, and is not watched). */
export const WATCHED_TABLES = ["Objectives", "Matrix", "Curves"] as const;

export interface AlignmentWorkspaceProps {
  access: WorkbookAccess;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function AlignmentWorkspace({ access }: AlignmentWorkspaceProps) {
  const styles = useStyles();
  const { state, setUp, check, writeView, recheck, select } = useAlignment(access);
  useTableWatch(access, WATCHED_TABLES, state.check !== null, recheck, state.tablesVersion);

  const outcome = state.outcome && describeOutcome(state.outcome);
  const matrix = useHasMatrix(access, state.tablesVersion);
  const needsSetup = !state.check && (Boolean(state.error?.suggestsSetup) || matrix === false);
  const stage = alignmentStage(state.check?.report ?? null, needsSetup);
  const { error } = state;
  const stale =
    error && state.check && (error.task === "check" || error.task === "recheck")
      ? "The results below are from the last check that worked."
      : null;

  return (
    <AriaLiveAnnouncer>
      <div className={styles.root}>
        <AlignmentSummary
          stage={stage}
          report={state.check?.report ?? null}
          onSelect={(cell) => void select(cell)}
        />
        <AlignmentActions
          primary={stage === "empty" ? "setup" : stage === "errors" ? null : "check"}
          busy={state.busy}
          onSetUp={() => void setUp()}
          onCheck={() => void check()}
          onWriteView={() => void writeView()}
        />
        {error && <ErrorNotice error={error} stale={stale} />}
        {!error && outcome && <Notice key={`${outcome.title}|${outcome.message}`} {...outcome} />}
        <ResultsSummary findings={state.check?.report.findings ?? null} />
        {state.check ? (
          <AlignmentResults
            report={state.check.report}
            marginal={state.check.marginal}
            busy={state.busy !== null}
            updating={state.updating}
            onSelect={(cell) => void select(cell)}
          />
        ) : (
          <Body1 as="p" className={styles.empty} aria-busy={state.busy !== null}>
            Check alignment reads the Objectives, Matrix, Curves and Reps sheets and shows whether
            the plans pay for what strategy says matters. Starting from an empty workbook? Set up
            workbook adds those sheets with a starter plan.
          </Body1>
        )}
      </div>
    </AriaLiveAnnouncer>
  );
}
