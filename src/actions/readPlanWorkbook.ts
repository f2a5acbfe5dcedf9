/**
 * Every action starts the same way: one round trip for the plan's input sheets (plus whatever
 * else it needs), an ActionError when the Matrix (or, for rep-by-rep work, the Reps sheet) is
 * missing, and the plan design read from the contract.
 */
import type { PlanDesign, Finding } from "../engine/plan";
import type { RepTable } from "../engine/reps";
import { readPlan, SHEETS, type PlanSheets } from "../model/readPlan";
import { readReps } from "../model/readReps";
import { readRevenueMetrics } from "../model/readRevenueMetrics";
import { readWorkbookSettings, SETTINGS_SHEET } from "../model/readWorkbookSettings";
import type { FigureSettings } from "../engine/figures";
import type { SheetData, WorkbookPort } from "../workbook/port";
import { ActionError } from "./errors";

export interface PlanWorkbook {
  sheets: PlanSheets;
  design: PlanDesign;
  /** Problems found while reading the sheets. */
  findings: Finding[];
  /** The further sheets asked for, in order (null where missing). */
  extra: (SheetData | null)[];
  /** The workbook's currency and locale (its Settings sheet; USD, en-US without one). */
  figures: FigureSettings;
}

export interface RepsWorkbook extends PlanWorkbook {
  reps: RepTable;
}

export async function readPlanWorkbook(
  book: WorkbookPort,
  extra: string[] = []
): Promise<PlanWorkbook> {
  const [objectives, matrix, curves, reps, settings, ...rest] = await book.readSheets([
    SHEETS.objectives,
    SHEETS.matrix,
    SHEETS.curves,
    SHEETS.reps,
    SETTINGS_SHEET,
    ...extra,
  ]);
  if (!matrix) {
    throw new ActionError(
      "no-matrix",
      "The workbook has no Matrix sheet: run Set up workbook (or compalign init) to start one."
    );
  }
  const sheets = { objectives, matrix, curves, reps };
  const read = readPlan(sheets);
  // The Matrix's optional Revenue column (which metrics' actuals are revenue).
  const revenue = readRevenueMetrics(matrix);
  const design = { ...read.design, revenueMetrics: revenue.metrics };
  return {
    sheets,
    design,
    findings: [...read.findings, ...revenue.findings],
    extra: rest,
    figures: readWorkbookSettings(settings).figures,
  };
}

/**
 * For work computed rep by rep: the Reps sheet is required too (`why` completes "The workbook
 * has no Reps sheet: …"), read for every metric of the Matrix.
 */
export async function readRepsWorkbook(
  book: WorkbookPort,
  why: string,
  extra: string[] = []
): Promise<RepsWorkbook> {
  const read = await readPlanWorkbook(book, extra);
  if (!read.sheets.reps) {
    throw new ActionError(
      "no-reps",
      `The workbook has no Reps sheet: ${why}, so add one (Set up workbook does).`
    );
  }
  const metrics = [...new Set(read.design.components.map((c) => c.metric))];
  return { ...read, reps: readReps(read.sheets.reps, metrics) };
}
