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
import { inWorkbookCurrency } from "../reports/format";
import type { FigureSettings } from "../engine/figures";
import type { WorkbookPort, WriteResult } from "../workbook/port";

export interface AlignmentCheck {
  design: PlanDesign;
  report: AlignmentReport;
  /** Marginal pay per plan and metric at 100% (dollar and cent figures need the Reps sheet). */
  marginal: MarginalMetric[];
}

export async function runAlignmentCheck(book: WorkbookPort): Promise<AlignmentCheck> {
  return (await readAndCheck(book)).check;
}

/** The check, and the workbook's currency and locale for the tab written from it. */
async function readAndCheck(
  book: WorkbookPort
): Promise<{ check: AlignmentCheck; figures: FigureSettings }> {
  const { design, findings, sheets, figures } = await readPlanWorkbook(book);
  const metrics = [...new Set(design.components.map((c) => c.metric))];
  // Reps without a Plan or Target Incentive column give no medians (readPlan reports the column).
  const reps = sheets.reps && design.targetIncentiveByPlan ? readReps(sheets.reps, metrics) : null;
  const check = {
    design,
    report: checkAlignment(design, findings),
    marginal: marginalAlignment(design, reps),
  };
  return { check, figures };
}

export interface AlignmentViewResult extends AlignmentCheck {
  sheet: WriteResult;
}

export async function writeAlignmentView(book: WorkbookPort): Promise<AlignmentViewResult> {
  const { check, figures } = await readAndCheck(book);
  const [sheet] = await book.writeOwnedSheets([
    inWorkbookCurrency(
      alignmentViewSheet(check.design, check.report, ALIGNMENT_VIEW, check.marginal, figures),
      figures
    ),
  ]);
  return { ...check, sheet };
}
