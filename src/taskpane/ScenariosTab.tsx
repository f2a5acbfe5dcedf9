/**
 * The Scenarios tab: what-if plan changes computed rep by rep and written back as tabs. Works on
 * the workbook from `useWorkbook()`; without one (outside Excel) it says its actions need Excel.
 * The workspace (the scenario engine, the sample workbook) is a separate chunk, loaded the first
 * time the tab is shown.
 */
import { lazy } from "react";
import type { ScenarioRow } from "./scenarios/scenarioRow";
import { TabShell } from "./shared/TabShell";

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

export function ScenariosTab({ onAddRow, yieldControl, onShowAlignment }: ScenariosTabProps) {
  return (
    <TabShell
      title="Plan scenarios"
      idPrefix="scenarios-heading-"
      intro="What would a plan change cost, who would earn what, and would the money follow the strategy? Each scenario is computed rep by rep against Baseline, the plan as it is, and written back as tabs managers can read."
      needsExcel={{
        title: "Open CompAlign in Excel to run scenarios",
        message:
          "Scenarios read the plan, reps and scenarios from the workbook open in Excel and write their tabs back to it, and there is no workbook here.",
      }}
      loading="Loading scenarios…"
    >
      {(access) => (
        <ScenarioWorkspace
          access={access}
          onAddRow={onAddRow}
          yieldControl={yieldControl}
          onShowAlignment={onShowAlignment}
        />
      )}
    </TabShell>
  );
}
