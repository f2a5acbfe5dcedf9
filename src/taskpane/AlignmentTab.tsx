/**
 * The Alignment tab: set up the CompAlign input sheets, check the Goal Alignment Matrix against
 * strategy, and write the Alignment View sheet. Works on the workbook from `useWorkbook()`;
 * without one (outside Excel) it says the actions need Excel.
 */
import { AlignmentWorkspace } from "./alignment/AlignmentWorkspace";
import { TabShell } from "./shared/TabShell";

export function AlignmentTab() {
  return (
    <TabShell
      title="Goal alignment matrix"
      idPrefix="alignment-heading-"
      intro="Does the plan pay for what strategy says matters? Each objective's share of priority next to its share of target incentive, and every problem in the design, before a rep is paid."
      needsExcel={{
        title: "Open CompAlign in Excel to use these actions",
        message:
          "Set up workbook, Check alignment and Alignment view work on the workbook open in Excel, and there is none here.",
      }}
    >
      {(access) => <AlignmentWorkspace access={access} />}
    </TabShell>
  );
}
