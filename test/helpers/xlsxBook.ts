/** Test workbooks on disk: sheets of values written as an .xlsx through the xlsx adapter. */
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import type { SheetValue } from "../../src/workbook/port";

export async function writeXlsxBook(
  file: string,
  sheets: readonly { name: string; values: SheetValue[][] }[]
): Promise<void> {
  const book = XlsxWorkbook.empty();
  for (const { name, values } of sheets)
    await book.createSheet({ name, blocks: [{ at: "A1", values }] });
  await book.writeFile(file);
}
