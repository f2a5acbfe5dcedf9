/**
 * The Scenarios tab: what-if plan changes computed rep by rep and written back as tabs. Works on
 * the workbook from `useWorkbook()`; without one (outside Excel) it says its actions need Excel.
 * The workspace (the scenario engine, the sample workbook) is a separate chunk, loaded the first
 * time the tab is shown.
 */
import { Suspense, lazy } from "react";
import { Body1, Spinner, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import { ScenariosNeedExcel } from "./scenarios/ScenariosNeedExcel";
import type { ScenarioRow } from "./scenarios/scenarioRow";
import { useWorkbook } from "./workbookAccess";

const ScenarioWorkspace = lazy(
  () => import(/* webpackChunkName: "scenarios" */ "./scenarios/ScenarioWorkspace")
);

export interface ScenariosTabProps {
  /**
   * Appends a row to the user's Scenarios sheet (resolving to where it went, e.g.
   * "Scenarios!A8:G8"). The add-a-change form is offered only when it is given: the host
   * passes it only where the workbook can append rows.
   */
  onAddRow?: (row: ScenarioRow) => Promise<string | void>;
  /** Lets Excel breathe between chunks of a run; a macrotask (setTimeout 0) by default. */
  yieldControl?: () => Promise<void>;
  /** Shows the Alignment tab (offered when the plan has errors to fix). */
  onShowAlignment?: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  intro: { margin: 0 },
  loading: { justifyContent: "flex-start" },
});

export function ScenariosTab({ onAddRow, yieldControl, onShowAlignment }: ScenariosTabProps) {
  const styles = useStyles();
  const access = useWorkbook();
  const headingId = useId("scenarios-heading-");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Plan scenarios
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        What would a plan change cost, who would earn what, and would the money follow the strategy?
        Each scenario is computed rep by rep against Baseline, the plan as it is, and written back
        as tabs managers can read.
      </Body1>
      {access ? (
        <Suspense
          fallback={<Spinner className={styles.loading} size="tiny" label="Loading scenarios…" />}
        >
          <ScenarioWorkspace
            access={access}
            onAddRow={onAddRow}
            yieldControl={yieldControl}
            onShowAlignment={onShowAlignment}
          />
        </Suspense>
      ) : (
        <ScenariosNeedExcel />
      )}
    </section>
  );
}
