/**
 * The Pulse tab on a workbook: "Run pulse check", what it found (the checks plan by plan, worst
 * first, then each company check with its status, value, band and what to do), problems in
 * Pulse Settings, and the tabs it wrote.
 */
import {
  AriaLiveAnnouncer,
  Body1,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { HeartPulseRegular, OpenRegular } from "@fluentui/react-icons";
import { statusCounts } from "../../reports/pulseSheet";
import { ActionBar } from "../shared/ActionBar";
import { ErrorNotice, Notice } from "../shared/Notice";
import type { WorkbookAccess } from "../workbookAccess";
import { PulseChecksList } from "./PulseChecksList";
import { PulsePlanTable } from "./PulsePlanTable";
import { SettingsWarnings } from "./SettingsWarnings";
import { localToday } from "./today";
import { usePulse } from "./usePulse";
import { PulseSummary, worstChecksFirst } from "./PulseSummary";

export interface PulseWorkspaceProps {
  access: WorkbookAccess;
  /** The run date (yyyy-mm-dd): its fiscal quarter labels the period when Pulse Settings has no Period. */
  today?: () => string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  status: { margin: 0, color: tokens.colorNeutralForeground3, minHeight: tokens.lineHeightBase200 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  results: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  written: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
  },
});

export function PulseWorkspace({ access, today = localToday }: PulseWorkspaceProps) {
  const styles = useStyles();
  const { state, run, showTab } = usePulse(access, today);
  const { result, error, busy } = state;
  const issues = result?.pulse.dataIssues.length ?? 0;

  return (
    <AriaLiveAnnouncer>
      <div className={styles.root}>
        <ActionBar label="Pulse actions" running={busy ? "Running the pulse check…" : null}>
          <Button
            appearance="primary"
            icon={<HeartPulseRegular />}
            disabledFocusable={busy}
            onClick={() => void run()}
          >
            Run pulse check
          </Button>
        </ActionBar>
        {error && (
          <ErrorNotice
            error={error}
            stale={result && "The results below are from the last run that worked."}
          />
        )}
        <Caption1 as="p" role="status" aria-live="polite" className={styles.status}>
          {result
            ? `Pulse check ${result.pulse.label}: ${statusCounts(result.checks.map((c) => c.status))}.`
            : ""}
        </Caption1>
        {result ? (
          <div className={styles.results} aria-busy={busy}>
            <PulseSummary label={`Pulse check ${result.pulse.label}`} checks={result.checks} />
            <div className={styles.written}>
              <Notice
                key={`${result.sheet.name}|${result.sheet.action}`}
                intent="success"
                title={`${result.sheet.action === "created" ? "Wrote" : "Refreshed"} the ${result.sheet.name} tab`}
                message={`${result.pulse.computedReps} reps computed on the period's actuals${
                  issues > 0 ? `; ${issues} left out for data issues, listed on the tab` : ""
                }. The tab has the status table, the checks by plan, metric health per plan, payout by objective and two charts; ${result.trend.name} lists every period's statuses (${result.periods.join(", ")}).`}
                next="CompAlign owns these tabs: it refreshes a period's tab when you run that period again and keeps other periods' tabs; your own sheets are never changed."
              />
              <Button
                appearance="transparent"
                size="small"
                icon={<OpenRegular />}
                onClick={() => void showTab()}
              >
                Show {result.sheet.name}
              </Button>
            </div>
            {result.warnings.length > 0 && <SettingsWarnings warnings={result.warnings} />}
            <PulsePlanTable pulse={result.pulse} label={`Checks by plan, ${result.pulse.label}`} />
            <PulseChecksList
              checks={worstChecksFirst(result.checks)}
              label={`Pulse checks, ${result.pulse.label}`}
            />
          </div>
        ) : (
          <Body1 as="p" className={styles.empty} aria-busy={busy}>
            Run pulse check computes the plan as designed on the actuals in the Reps sheet and says,
            check by check and plan by plan, whether it is doing what it was designed to do: OK,
            Watch or Act, with the number, the healthy band and what to do (Not set when a plan
            value or band is missing, Too few reps for a plan under the minimum). It writes the
            results to a Pulse Check tab named after the Period in Pulse Settings (else the current
            fiscal quarter) and keeps a Pulse Trend tab across periods.
          </Body1>
        )}
      </div>
    </AriaLiveAnnouncer>
  );
}

export default PulseWorkspace;
