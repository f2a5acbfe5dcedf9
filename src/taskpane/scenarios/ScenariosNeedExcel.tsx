/**
 * What the Scenarios tab shows where there is no workbook (the pane opened in a plain browser):
 * its actions need Excel.
 */
import { Notice } from "../alignment/Notice";

export function ScenariosNeedExcel() {
  return (
    <Notice
      intent="info"
      title="Open CompAlign in Excel to run scenarios"
      message="Scenarios read the plan, reps and scenarios from the workbook open in Excel and write their tabs back to it, and there is no workbook here."
      next="In Excel, open CompAlign from the Home tab. The Functions tab works here too."
    />
  );
}
