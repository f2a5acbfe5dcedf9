/**
 * What the Alignment tab shows where there is no workbook (the pane opened in a plain
 * browser): its actions need Excel.
 */
import { Notice } from "./Notice";

export function NeedsExcel() {
  return (
    <Notice
      intent="info"
      title="Open CompAlign in Excel to use these actions"
      message="Set up workbook, Check alignment and Alignment view work on the workbook open in Excel, and there is none here."
      next="In Excel, open CompAlign from the Home tab. The Functions tab works here too."
    />
  );
}
