/**
 * The Communicate tab: the plan on a page. For each plan, why it exists, which behaviours count,
 * each metric with its curve, what it pays at 50–150% attainment, how to earn more and how
 * complex it is; kickoff talking points to copy, and one `Plan - <name>` tab per plan to write.
 * Works on the workbook from `useWorkbook()`; without one (outside Excel) it says it needs
 * Excel. The workspace is a separate chunk, loaded the first time the tab is shown.
 */
import { lazy } from "react";
import { TabShell } from "./shared/TabShell";

const CommunicateWorkspace = lazy(
  () => import(/* webpackChunkName: "communicate" */ "./communicate/CommunicateWorkspace")
);

export function CommunicateTab() {
  return (
    <TabShell
      title="Plan on a page"
      idPrefix="communicate-heading-"
      intro="What each plan asks of a rep and why, in five minutes: the objectives behind it, the behaviours that count, what it pays and where one more point pays most. Copy the kickoff talking points, or write a page per plan for reps."
      needsExcel={{
        title: "Open CompAlign in Excel to explain your plans",
        message:
          "The plan on a page reads the Objectives, Matrix, Curves and Reps sheets of the workbook open in Excel, and there is none here.",
      }}
      loading="Loading plan pages…"
    >
      {(access) => <CommunicateWorkspace access={access} />}
    </TabShell>
  );
}
