/**
 * "Check alignment" / `compalign check`: reads the plan design from the workbook (one round
 * trip for the four input sheets), runs the alignment rules and computes the design alignment
 * index. "Alignment view" also writes the result as a sheet CompAlign owns.
 */
import { readPlanWorkbook } from "./readPlanWorkbook";
import { checkAlignment, type AlignmentReport } from "../engine/alignmentRules";
import type { PlanDesign } from "../engine/plan";
import { alignmentViewSheet, ALIGNMENT_VIEW } from "../reports/alignmentView";
import type { WorkbookPort, WriteResult } from "../workbook/port";

export interface AlignmentCheck {
  design: PlanDesign;
  report: AlignmentReport;
}

export async function runAlignmentCheck(book: WorkbookPort): Promise<AlignmentCheck> {
  const { design, findings } = await readPlanWorkbook(book);
  return { design, report: checkAlignment(design, findings) };
}

export interface AlignmentViewResult extends AlignmentCheck {
  sheet: WriteResult;
}

export async function writeAlignmentView(book: WorkbookPort): Promise<AlignmentViewResult> {
  const check = await runAlignmentCheck(book);
  const [sheet] = await book.writeOwnedSheets([
    alignmentViewSheet(check.design, check.report, ALIGNMENT_VIEW),
  ]);
  return { ...check, sheet };
}
