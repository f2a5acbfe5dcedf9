/**
 * How a header cell is matched: case and extra spaces ignored ("  Target   Incentive" is
 * "target incentive"). The readers (src/model/sheetRows.ts) and `WorkbookPort.appendRows` match
 * columns by this one rule, so a row appended under a header is read back under it.
 */
import type { SheetValue } from "./port";

export const normaliseHeader = (text: SheetValue): string =>
  String(text ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
