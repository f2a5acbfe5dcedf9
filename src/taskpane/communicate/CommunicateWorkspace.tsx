/**
 * The Communicate tab on a workbook: reads and explains the plans when first shown, lets the
 * user pick a plan and shows its page, copies its talking points, and writes every plan's page
 * as a tab. After the first read it re-reads by itself when the input tables change (where the
 * workbook can tell it), keeping the page on screen meanwhile.
 */
import { useEffect } from "react";
import { Body1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorNotice, Notice } from "../shared/Notice";
import { useTableWatch } from "../shared/useTableWatch";
import type { WorkbookAccess } from "../workbookAccess";
import { CommunicateActions } from "./CommunicateActions";
import { describeWritten } from "./describeWritten";
import { PlanPageView } from "./PlanPageView";
import { PlanPicker } from "./PlanPicker";
import { useCommunicate } from "./useCommunicate";
import { CommunicateSummary } from "./CommunicateSummary";

/** The tables whose edits change the pages. */
export const WATCHED_TABLES = ["Objectives", "Matrix", "Curves", "Reps"] as const;

export interface CommunicateWorkspaceProps {
  access: WorkbookAccess;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    minHeight: tokens.lineHeightBase200,
  },
  text: { minHeight: "12em" },
});

export function CommunicateWorkspace({ access }: CommunicateWorkspaceProps) {
  const styles = useStyles();
  const { state, plan, load, reload, select, copy, write } = useCommunicate(access);
  useTableWatch(access, WATCHED_TABLES, state.plans !== null, reload);

  useEffect(() => {
    void load();
  }, [load]);

  const { error, plans } = state;
  const written = state.written && describeWritten(state.written);
  return (
    <div className={styles.root}>
      {plans && plans.length > 0 && <CommunicateSummary plans={plans} />}
      <CommunicateActions
        busy={state.busy}
        refreshing={state.refreshing}
        hasPlan={plan !== null}
        onRead={() => void load()}
        onCopy={() => void copy()}
        onWrite={() => void write()}
      />
      {error && (
        <ErrorNotice
          error={error}
          stale={plans && "The page below is from the last read that worked."}
        />
      )}
      {!error && written && <Notice key={written.message} {...written} />}
      <p role="status" aria-live="polite" className={styles.status}>
        {state.copyStatus}
      </p>
      {state.copyFailed && plan && (
        <Notice
          intent="warning"
          title="Copy the talking points by hand"
          message="This host does not let CompAlign use the clipboard."
          next="Select the text below (Ctrl+A inside it), then copy it with Ctrl+C."
        />
      )}
      {state.copyFailed && plan && (
        <Field label={`Talking points for ${plan.plan}`}>
          <Textarea className={styles.text} readOnly resize="vertical" value={plan.talkingPoints} />
        </Field>
      )}
      {plans && plans.length > 0 && (
        <PlanPicker plans={plans.map((p) => p.plan)} selected={state.selected} onChange={select} />
      )}
      {plans && plans.length === 0 && (
        <Body1 as="p" className={styles.empty}>
          The Matrix has no plans yet. Add rows to it (Plan, Metric, Objective, Weight, Curve), then
          select Read plans.
        </Body1>
      )}
      {plan && <PlanPageView plan={plan} busy={state.busy !== null || state.refreshing} />}
      {!plans && state.busy === null && !error && (
        <Body1 as="p" className={styles.empty}>
          Read plans explains each plan of the Matrix for reps: why it exists, what counts, what it
          pays and how to earn more.
        </Body1>
      )}
    </div>
  );
}

export default CommunicateWorkspace;
