/**
 * Turning a block's values into what is assigned to `Range.values`.
 *
 * Excel treats `Range.values` like typing: "=SUM(A1)" becomes a formula, "+A1" and "@x" too,
 * "-5" and "10%" become numbers, "TRUE" a boolean, "Mar 3" a date. The port promises that text
 * is written as text (user text from a sheet is data, not code), so text Excel would read as
 * anything else gets a leading apostrophe: Excel's "quote prefix", which marks the cell as text,
 * is not part of the value (reading the cell back gives the text without it), and is not shown.
 *
 * Why the apostrophe and not numberFormat "@" on those cells:
 * - the apostrophe travels inside the one 2-D values block; "@" needs a second, per-cell
 *   numberFormat array that must be queued before the values and would replace the column's
 *   number format;
 * - "@" is the cell's number format and stays: a number the user later types there is stored as
 *   text, which would quietly break the input sheets CompAlign sets up. The apostrophe leaves the
 *   cell's number format (e.g. the column's "0%") as it is.
 *
 * The test is deliberately generous (any text starting with a digit, sign, currency sign,
 * parenthesis, "#", an apostrophe, or a month name followed by a digit): a needless apostrophe
 * is harmless, a missing one turns data into a formula or a number.
 */
import { looksLikeFormula, type SheetValue } from "../port";

/**
 * What is assigned to `Range.values`. A blank (null) is sent as "", which clears the cell: a block
 * writes its whole rectangle (null in an Office.js array would leave the cell as it was).
 */
export type ExcelInput = string | number | boolean;

const MONTH_THEN_DIGIT = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s.,/-]*\d/i;

/** Whether Excel would store this text as something other than the same text. */
export function needsTextPrefix(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return false;
  return (
    looksLikeFormula(trimmed) ||
    looksLikeFormula(text) ||
    text.startsWith("'") ||
    /^[\d.,$€£¥(#]/.test(trimmed) ||
    /^(true|false)$/i.test(trimmed) ||
    MONTH_THEN_DIGIT.test(trimmed)
  );
}

export function toExcelInput(value: SheetValue): ExcelInput {
  if (value === null) return "";
  if (typeof value === "string") return needsTextPrefix(value) ? `'${value}` : value;
  return value;
}

export function toExcelInputs(values: SheetValue[][]): ExcelInput[][] {
  return values.map((row) => row.map(toExcelInput));
}
