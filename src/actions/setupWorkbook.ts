/**
 * "Set up workbook" / `compalign init`, and "Insert sample data": add whichever input sheets of
 * the workbook contract are missing (the starter plan, or the demo sample), as formatted tables.
 * Existing sheets are never overwritten or renamed; the sheets added belong to the user.
 */
import { sampleSheets } from "../reports/sampleWorkbook";
import { starterSheets } from "../reports/starterWorkbook";
import type { SheetSpec, WorkbookPort } from "../workbook/port";

export interface SetupResult {
  /** Sheets added. */
  created: string[];
  /** Sheets that already existed and were left as they are. */
  kept: string[];
}

/** Adding a sheet failed part-way: says which sheets were added before it. */
export class SetupInsertError extends Error {
  constructor(
    readonly failure: unknown,
    readonly created: string[]
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = "SetupInsertError";
  }
}

export function setupWorkbook(book: WorkbookPort): Promise<SetupResult> {
  return setupWorkbookFrom(book, starterSheets());
}

/** The demo sample (360 reps, 3 plans, five scenarios, Pulse Settings): the same workbook `npm run demo` builds. */
export function insertSampleData(book: WorkbookPort): Promise<SetupResult> {
  return setupWorkbookFrom(book, sampleSheets());
}

/** Adds the given input sheets where the workbook has no sheet of that name (any case). */
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
    try {
      result.created.push((await book.createSheet(spec)).name);
    } catch (error) {
      throw new SetupInsertError(error, result.created);
    }
  }
  return result;
}
