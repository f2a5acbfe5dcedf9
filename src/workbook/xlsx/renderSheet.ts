/**
 * Writing a laid-out sheet (SheetModel) into an empty exceljs worksheet: cell values, formulas,
 * number formats and styles; tables; list validations; colour scales and value colours; wrapped
 * ranges; column widths; freeze panes; tab colour; print setup (pageSetup, headerFooter, row
 * breaks; exceljs writes the print area and repeated rows as the _xlnm.Print_Area /
 * _xlnm.Print_Titles defined names). Charts are not written (exceljs cannot write charts).
 *
 * Tables: exceljs's `addTable` writes the header names and every row it is given into the
 * cells itself (Table.store sets each cell's value, and a column style if one is given), so the
 * cells a table covers get their values only through the table definition, never also directly;
 * their number formats and styles are set on the cells, which `store` leaves alone.
 */
import type { CellValue, DataValidation, Worksheet } from "exceljs";
import { formatA1, formatRange, parseRange, type RangePosition } from "../a1";
import type { CellState } from "../cellStore";
import { DEFAULT_TABLE_STYLE, type SheetModel } from "../sheetModel";
import { applyStyle } from "./cellStyles";

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** What exceljs stores for a cell: a formula (without "=") with its cached result, or the value. */
function excelValue(cell: Readonly<CellState>): CellValue {
  if (cell.formula !== null) {
    return { formula: cell.formula.slice(1), result: cell.value ?? undefined } as CellValue;
  }
  return cell.value;
}

const inside = (range: RangePosition, row: number, col: number) =>
  row >= range.start.row &&
  row < range.start.row + range.rows &&
  col >= range.start.col &&
  col < range.start.col + range.cols;

function writeCells(worksheet: Worksheet, sheet: SheetModel, tableRanges: RangePosition[]): void {
  sheet.cells.forEach((state, row, col) => {
    const cell = worksheet.getCell(row + 1, col + 1);
    if (!tableRanges.some((range) => inside(range, row, col))) cell.value = excelValue(state);
    if (state.numberFormat !== null) cell.numFmt = state.numberFormat;
    if (state.style !== null) applyStyle(cell, state.style);
  });
}

function writeTables(worksheet: Worksheet, sheet: SheetModel, tableRanges: RangePosition[]): void {
  sheet.tables.forEach((table, i) => {
    const { start, rows, cols } = tableRanges[i];
    const columns = Array.from({ length: cols }, (_, c) => ({
      name: String(sheet.cells.get(start.row, start.col + c).value),
      filterButton: true,
    }));
    const data = Array.from({ length: rows - 1 }, (_, r) =>
      Array.from({ length: cols }, (_, c) =>
        excelValue(sheet.cells.get(start.row + 1 + r, start.col + c))
      )
    );
    worksheet.addTable({
      name: table.name,
      ref: formatA1(start),
      headerRow: true,
      totalsRow: false,
      style: { theme: (table.style ?? DEFAULT_TABLE_STYLE) as never, showRowStripes: true },
      columns,
      rows: data,
    });
  });
}

/** exceljs keeps a worksheet's validations by address; its typings leave the collection out. */
interface Validations {
  add(address: string, validation: DataValidation): void;
}

function writeValidations(worksheet: Worksheet, sheet: SheetModel): void {
  const validations = (worksheet as unknown as { dataValidations: Validations }).dataValidations;
  for (const validation of sheet.validations) {
    const { list } = validation;
    const formula = Array.isArray(list) ? `"${list.join(",")}"` : list.source.replace(/^=/, "");
    validations.add(formatRange(parseRange(validation.range)!), {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "stop",
      ...(validation.errorMessage ? { error: validation.errorMessage } : {}),
    });
  }
}

function writeColorScales(worksheet: Worksheet, sheet: SheetModel): void {
  for (const scale of sheet.colorScales) {
    const mid = scale.midColor !== undefined;
    worksheet.addConditionalFormatting({
      ref: formatRange(parseRange(scale.range)!),
      rules: [
        {
          type: "colorScale",
          priority: 0,
          cfvo: mid
            ? [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }]
            : [{ type: "min" }, { type: "max" }],
          color: (mid
            ? [scale.minColor, scale.midColor!, scale.maxColor]
            : [scale.minColor, scale.maxColor]
          ).map((hex) => ({ argb: argb(hex) })),
        },
      ],
    });
  }
}

function writeValueColors(worksheet: Worksheet, sheet: SheetModel): void {
  for (const rule of sheet.valueColors) {
    worksheet.addConditionalFormatting({
      ref: formatRange(parseRange(rule.range)!),
      rules: [
        {
          type: "cellIs",
          operator: rule.operator,
          priority: 0,
          formulae: [String(rule.value)],
          style: {
            font: { color: { argb: argb(rule.fontColor) } },
            ...(rule.fillColor
              ? {
                  fill: {
                    type: "pattern",
                    pattern: "solid",
                    bgColor: { argb: argb(rule.fillColor) },
                  },
                }
              : {}),
          },
        },
      ],
    });
  }
}

function writeWrap(worksheet: Worksheet, sheet: SheetModel): void {
  for (const ref of sheet.wrap) {
    const { start, rows, cols } = parseRange(ref)!;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const cell = worksheet.getCell(start.row + r + 1, start.col + c + 1);
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
      }
  }
}

function writePrint(worksheet: Worksheet, sheet: SheetModel): void {
  const print = sheet.print;
  if (!print) return;
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    // exceljs needs both corners ("A1:A1"), even for one cell.
    printArea: print.area.includes(":") ? print.area : `${print.area}:${print.area}`,
    ...(print.repeatRows
      ? { printTitlesRow: `${print.repeatRows.first}:${print.repeatRows.last}` }
      : {}),
  };
  worksheet.headerFooter = { oddHeader: print.header, oddFooter: print.footer };
  for (const row of print.rowBreaks) worksheet.getRow(row).addPageBreak();
}

/** Fills an empty worksheet with the sheet's content. */
export function renderSheet(worksheet: Worksheet, sheet: SheetModel): void {
  const tableRanges = sheet.tables.map((t) => parseRange(t.range)!);
  writeCells(worksheet, sheet, tableRanges);
  writeTables(worksheet, sheet, tableRanges);
  writeValidations(worksheet, sheet);
  writeColorScales(worksheet, sheet);
  writeValueColors(worksheet, sheet);
  writeWrap(worksheet, sheet);
  for (const { row, points } of sheet.rowHeights) worksheet.getRow(row).height = points;
  writePrint(worksheet, sheet);
  sheet.columnWidths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
  if (sheet.freeze) {
    worksheet.views = [
      { state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows },
    ];
  }
  if (sheet.tabColor) worksheet.properties.tabColor = { argb: argb(sheet.tabColor) };
}
