/**
 * `appendRows` on an exceljs worksheet. What to write is planned by ../appendRows.ts from the
 * sheet's values (the same reader as `readSheets`), the number formats of its last used row and
 * its tables; cells are then set one by one (a string is stored as text, never as a formula:
 * exceljs only makes a formula from `{ formula }`).
 *
 * Tables: exceljs 4.4's Table API (`getTable`, `addRow`, `commit`) only works on tables added
 * in this session: a table loaded from a file has no `ref` or `rows` in its model (only the
 * `tableRef` and `autoFilterRef` it read), and `commit` fails on it. What exceljs writes back is
 * `tableRef` and `autoFilterRef`, so a table grows by setting those; a table added in this
 * session also gets the rows in its model, so the model keeps agreeing with its range.
 */
import type { CellValue, Worksheet } from "exceljs";
import { formatRange } from "../a1";
import { planAppend } from "../appendRows";
import type { AppendResult, AppendRow } from "../port";
import { readValues } from "./readValues";

/** exceljs's model of a table (its typings leave it out). */
interface TableModel {
  name: string;
  /** Header, data and totals rows, e.g. "A1:G8". */
  tableRef: string;
  /** Header and data rows. */
  autoFilterRef?: string;
  totalsRow?: boolean;
  /** Data rows, for tables added in this session only. */
  rows?: CellValue[][];
}

const tableModels = (worksheet: Worksheet): TableModel[] =>
  Object.values(
    (worksheet as unknown as { tables?: Record<string, { model: TableModel }> }).tables ?? {}
  ).map((table) => table.model);

const formatOf = (format: string | undefined): string | null =>
  format && format !== "General" ? format : null;

export function appendToWorksheet(
  worksheet: Worksheet,
  rows: readonly AppendRow[],
  date1904: boolean
): AppendResult {
  const values = readValues(worksheet, date1904);
  const usedRows = values.length;
  const width = values[0]?.length ?? 0;
  const formatsAbove = Array.from({ length: width }, (_, c) =>
    usedRows > 0 ? formatOf(worksheet.getCell(usedRows, c + 1).numFmt) : null
  );
  const models = tableModels(worksheet);
  const plan = planAppend(
    {
      sheet: worksheet.name,
      header: values[0] ?? [],
      usedRows,
      formatsAbove,
      // A totals row is the table's last row: rows below it are not the table's to take.
      tables: models.filter((m) => !m.totalsRow).map((m) => ({ name: m.name, range: m.tableRef })),
    },
    rows
  );

  const { start } = plan.at;
  plan.block.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = worksheet.getCell(start.row + r + 1, start.col + c + 1);
      if (value !== null) cell.value = value;
      const format = plan.block.numberFormats?.[c] ?? null;
      if (format !== null) cell.numFmt = format;
    })
  );

  for (const { name, from, to } of plan.grow) {
    const model = models.find((m) => m.name === name)!;
    model.tableRef = formatRange(to);
    if (model.autoFilterRef !== undefined) model.autoFilterRef = model.tableRef;
    if (model.rows) {
      for (let r = 0; r < plan.at.rows; r++) {
        model.rows.push(
          Array.from({ length: from.cols }, (_, c) => {
            const col = from.start.col + c - start.col;
            return (plan.block.values[r][col] ?? null) as CellValue;
          })
        );
      }
    }
  }
  return { sheet: worksheet.name, range: plan.range };
}
