/**
 * The Pulse tab: the quarterly plan pulse check on the period's actuals, written back as a
 * Pulse Check tab. Works on the workbook from `useWorkbook()`; without one (outside Excel) it
 * says its action needs Excel. The workspace (the scenario engine behind the checks) is a
 * separate chunk, loaded the first time the tab is shown.
 */
import { Suspense, lazy } from "react";
import { Body1, Spinner, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import { PulseNeedsExcel } from "./pulse/PulseNeedsExcel";
import { useWorkbook } from "./workbookAccess";

const PulseWorkspace = lazy(() => import(/* webpackChunkName: "pulse" */ "./pulse/PulseWorkspace"));

export interface PulseTabProps {
  /** The run date (yyyy-mm-dd; the local date by default): its fiscal quarter labels the period when Pulse Settings has no Period. */
  today?: () => string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { margin: 0 },
  loading: { justifyContent: "flex-start" },
});

export function PulseTab({ today }: PulseTabProps) {
  const styles = useStyles();
  const access = useWorkbook();
  const headingId = useId("pulse-heading-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Pulse check
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        Is the plan doing what it was designed to do this period? Reps at quota, leverage, cost
        against plan, concentration, thresholds, caps, alignment, pay for outcomes, pay mix and
        priority payout, plan by plan, each OK, Watch or Act with what to do.
      </Body1>
      {access ? (
        <Suspense
          fallback={
            <Spinner className={styles.loading} size="tiny" label="Loading the pulse check…" />
          }
        >
          <PulseWorkspace access={access} today={today} />
        </Suspense>
      ) : (
        <PulseNeedsExcel />
      )}
    </section>
  );
}
