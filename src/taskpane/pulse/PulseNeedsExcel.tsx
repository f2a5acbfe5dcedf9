/**
 * What the Pulse tab shows where there is no workbook (the pane opened in a plain browser): its
 * action needs Excel.
 */
import { Notice } from "../alignment/Notice";

export function PulseNeedsExcel() {
  return (
    <Notice
      intent="info"
      title="Open CompAlign in Excel to run the pulse check"
      message="The pulse check reads the plan and the period's actuals from the workbook open in Excel and writes its tab back to it, and there is no workbook here."
      next="In Excel, open CompAlign from the Home tab. The Functions tab works here too."
    />
  );
}
