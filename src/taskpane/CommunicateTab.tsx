/**
 * The Communicate tab: the plan on a page. For each plan, why it exists, which behaviours count,
 * each metric with its curve, what it pays at 50–150% attainment, how to earn more and how
 * complex it is; kickoff talking points to copy, and one `Plan - <name>` tab per plan to write.
 * Works on the workbook from `useWorkbook()`; without one (outside Excel) it says it needs
 * Excel. The workspace is a separate chunk, loaded the first time the tab is shown.
 */
import { Suspense, lazy } from "react";
import { Body1, Spinner, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import { CommunicateNeedsExcel } from "./communicate/CommunicateNeedsExcel";
import { useWorkbook } from "./workbookAccess";

const CommunicateWorkspace = lazy(
  () => import(/* webpackChunkName: "communicate" */ "./communicate/CommunicateWorkspace")
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { margin: 0 },
  loading: { justifyContent: "flex-start" },
});

export function CommunicateTab() {
  const styles = useStyles();
  const access = useWorkbook();
  const headingId = useId("communicate-heading-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Plan on a page
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        What each plan asks of a rep and why, in five minutes: the objectives behind it, the
        behaviours that count, what it pays and where one more point pays most. Copy the kickoff
        talking points, or write a page per plan for reps.
      </Body1>
      {access ? (
        <Suspense
          fallback={<Spinner className={styles.loading} size="tiny" label="Loading plan pages…" />}
        >
          <CommunicateWorkspace access={access} />
        </Suspense>
      ) : (
        <CommunicateNeedsExcel />
      )}
    </section>
  );
}
