/** What the Communicate tab shows where there is no workbook (a plain browser). */
import { Notice } from "../alignment/Notice";

export function CommunicateNeedsExcel() {
  return (
    <Notice
      intent="info"
      title="Open CompAlign in Excel to explain your plans"
      message="The plan on a page reads the Objectives, Matrix, Curves and Reps sheets of the workbook open in Excel, and there is none here."
      next="In Excel, open CompAlign from the Home tab. The Functions tab works here too."
    />
  );
}
