/**
 * The Pulse tab: the quarterly plan pulse check on the period's actuals, written back as a
 * Pulse Check tab. Works on the workbook from `useWorkbook()`; without one (outside Excel) it
 * says its action needs Excel. The workspace (the scenario engine behind the checks) is a
 * separate chunk, loaded the first time the tab is shown.
 */
import { lazy } from "react";
import { TabShell } from "./shared/TabShell";

const PulseWorkspace = lazy(() => import(/* webpackChunkName: "pulse" */ "./pulse/PulseWorkspace"));

export interface PulseTabProps {
  /** The run date (yyyy-mm-dd; the local date by default): its fiscal quarter labels the period when Pulse Settings has no Period. */
  today?: () => string;
}

export function PulseTab({ today }: PulseTabProps) {
  return (
    <TabShell
      title="Pulse check"
      idPrefix="pulse-heading-"
      intro="Is the plan doing what it was designed to do this period? Reps at weighted quota, leverage, cost against plan, concentration, thresholds, caps, alignment, pay for outcomes, pay mix and priority payout, plan by plan, each OK, Watch or Act with what to do."
      needsExcel={{
        title: "Open CompAlign in Excel to run the pulse check",
        message:
          "The pulse check reads the plan and the period's actuals from the workbook open in Excel and writes its tab back to it, and there is no workbook here.",
      }}
      loading="Loading the pulse check…"
    >
      {(access) => <PulseWorkspace access={access} today={today} />}
    </TabShell>
  );
}
