/**
 * Every tab CompAlign writes for the built-in sample: the Alignment View, one tab per scenario,
 * the Scenario Comparison, the Pulse Check and the Plan pages, on a memory or xlsx workbook.
 */
import {
  insertSampleData,
  runPulseCheck,
  runScenarioAction,
  writeAlignmentView,
  writePlanPages,
} from "../../src/actions";
import type { WorkbookPort } from "../../src/workbook/port";

export const RUN_DATE = "2026-12-06";

/** Fills `book` with the sample and every report tab; returns the owned tabs' names in order. */
export async function writeSampleTabs(book: WorkbookPort): Promise<string[]> {
  await insertSampleData(book);
  await writeAlignmentView(book);
  await runScenarioAction(book);
  await runPulseCheck(book, { today: RUN_DATE });
  await writePlanPages(book);
  return book.ownedSheets();
}
