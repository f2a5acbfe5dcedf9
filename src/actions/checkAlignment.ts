/**
 * "Check alignment" / `compalign check`: reads the plan design from the workbook (one round
 * trip for the four input sheets), runs the alignment rules and computes the design alignment
 * index. "Alignment view" also writes the result as a sheet CompAlign owns.
 */
import { readPlanWorkbook } from "./readPlanWorkbook";
import { checkAlignment, type AlignmentReport } from "../engine/alignmentRules";
import { marginalAlignment, type MarginalMetric } from "../engine/marginalAlignment";
import type { PlanDesign } from "../engine/plan";
import { readReps } from "../model/readReps";
import { alignmentViewSheet, ALIGNMENT_VIEW } from "../reports/alignmentView";
import type { WorkbookPort, WriteResult } from "../workbook/port";

export interface AlignmentCheck {
  design: PlanDesign;
  report: AlignmentReport;
  /** Marginal pay per plan and metric at 100% (dollar and cent figures need the Reps sheet). */
  marginal: MarginalMetric[];
}

export async function runAlignmentCheck(book: WorkbookPort): Promise<AlignmentCheck> {
  const { design, findings, sheets } = await readPlanWorkbook(book);
  const metrics = [...new Set(design.components.map((c) => c.metric))];
  // Reps without a Plan or Target Incentive column give no medians (readPlan reports the column).
  const reps = sheets.reps && design.targetIncentiveByPlan ? readReps(sheets.reps, metrics) : null;
  return {
    design,
    report: checkAlignment(design, findings),
    marginal: marginalAlignment(design, reps),
  };
}

export interface AlignmentViewResult extends AlignmentCheck {
  sheet: WriteResult;
}

export async function writeAlignmentView(book: WorkbookPort): Promise<AlignmentViewResult> {
  const check = await runAlignmentCheck(book);
  const [sheet] = await book.writeOwnedSheets([
    alignmentViewSheet(check.design, check.report, ALIGNMENT_VIEW, check.marginal),
  ]);
  return { ...check, sheet };
}
