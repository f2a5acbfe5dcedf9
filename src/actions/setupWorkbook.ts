/**
 * "Set up workbook" / `compalign init`: adds whichever input sheets of the workbook contract
 * are missing, as formatted tables with a starter plan. Existing sheets are never overwritten
 * or renamed.
 */
import { starterSheets } from "../reports/starterWorkbook";
import type { SheetSpec, WorkbookPort } from "../workbook/port";

export interface SetupResult {
  /** Sheets added. */
  created: string[];
  /** Sheets that already existed and were left as they are. */
  kept: string[];
}

export function setupWorkbook(book: WorkbookPort): Promise<SetupResult> {
  return setupWorkbookFrom(book, starterSheets());
}

/** Adds the given input sheets where the workbook has no sheet of that name ("Insert sample data" uses the sample's). */
export async function setupWorkbookFrom(
  book: WorkbookPort,
  sheets: SheetSpec[]
): Promise<SetupResult> {
  const existing = new Set((await book.sheetNames()).map((n) => n.toLowerCase()));
  const result: SetupResult = { created: [], kept: [] };
  for (const spec of sheets) {
    if (existing.has(spec.name.toLowerCase())) {
      result.kept.push(spec.name);
      continue;
    }
    const written = await book.createSheet(spec);
    result.created.push(written.name);
  }
  return result;
}
