/// <reference types="office-js" />
/**
 * How one SheetSpec becomes Office.js commands.
 *
 * A sheet is written in as few requests (= context.sync() round trips) as Excel's request size
 * limit allows: normally one. The requests are those of `packRequests` (../chunking.ts, shared
 * with the memory adapter, so both count the same syncs): each block cut into row chunks whose
 * payload — values (with apostrophes), formulas, and a rows × 1 number-format array per
 * formatted column, exactly what `queuePiece` sends — is estimated under the limit, packed in
 * order into as few requests as fit. The caller syncs once per request; the first request also
 * prepares the sheet (add, or clear in place), the last one adds what decorates the data (styles,
 * tables, validation, colour scales, value colours, wrapping, freeze panes, widths, row heights,
 * tab colour, charts, print setup), after the data is in place, as Microsoft advises for large
 * writes.
 *
 * Requirement sets: value colours (cell-value conditional formats) need ExcelApi 1.6 and the
 * print setup (`worksheet.pageLayout`, page breaks) ExcelApi 1.9; both are checked with
 * `Office.context.requirements.isSetSupported`. Where a host lacks them the tab is written
 * without them: the Δ figures keep their sign in the number format, and the layout (widths,
 * wrapping, charts beside or below the data) is the same; the user sets up printing by hand.
 *
 * Nothing here syncs or reads: every function only queues commands.
 */
import { columnLetters, formatRange, type RangePosition } from "../a1";
import { chunkRows, packRequests, REQUEST_LIMIT_BYTES, utf8Length } from "../chunking";
import { type Block, type ChartSpec, type SheetSpec, WorkbookError } from "../port";
import { parseSheetRef } from "../sheetRef";
import { blockRange, columnWidthPoints, offsetCell } from "./addresses";
import type { SheetInfo } from "./bookState";
import { type ExcelInput, toExcelInputs } from "./cellInput";

/** The default request budget (4,000,000 bytes): Excel rejects requests over 5 MB. */
export const DEFAULT_LIMIT_BYTES = REQUEST_LIMIT_BYTES;

/** One rectangle of data as it is sent: values, optional formulas, number formats per column. */
export interface WritePiece {
  range: RangePosition;
  address: string;
  values: ExcelInput[][];
  /** Formulas with null where the value stays; absent when the chunk has no formula. */
  formulas?: (string | null)[][];
  /** Per formatted column: its address and the rows × 1 numberFormat array. */
  numberFormats: { address: string; formats: string[][] }[];
  /** Request payload in UTF-8 bytes (the JSON of the arrays above). */
  bytes: number;
}

export type WriteRequest = WritePiece[];

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** A chunk as it is sent: apostrophes where text must stay text, formulas only when there are some. */
export function toPiece(chunk: Block): WritePiece {
  const rows = chunk.values.length;
  const cols = chunk.values[0].length;
  const range = blockRange(chunk.at, rows, cols);
  if (!range) throw new WorkbookError("shape", `no block of ${rows} × ${cols} at "${chunk.at}"`);
  const values = toExcelInputs(chunk.values);
  const formulas = chunk.formulas?.some((row) => row.some((f) => f !== null))
    ? chunk.formulas
    : undefined;
  // Office.js takes number formats per cell; a column's format goes to that column only, so
  // General columns send nothing.
  const numberFormats = (chunk.numberFormats ?? []).flatMap((format, c) =>
    format === null
      ? []
      : [
          {
            address: formatRange({
              start: { row: range.start.row, col: range.start.col + c },
              rows,
              cols: 1,
            }),
            formats: Array.from({ length: rows }, () => [format]),
          },
        ]
  );
  let bytes = jsonBytes(values);
  if (formulas) bytes += jsonBytes(formulas);
  for (const column of numberFormats) bytes += jsonBytes(column.formats);
  return { range, address: formatRange(range), values, formulas, numberFormats, bytes };
}

/**
 * The pieces of one request, measured as sent. packRequests' estimate is meant to be at or above
 * the real payload; should a chunk still come out over the limit (the estimate and what is sent
 * drifting apart), it is cut again and the request split rather than sent too large. That is the
 * only case where this adapter would make more syncs than the memory adapter counts.
 */
function fitRequest(chunks: Block[], limitBytes: number): WriteRequest[] {
  const requests: WriteRequest[] = [[]];
  let size = 0;
  const add = (piece: WritePiece) => {
    if (requests[requests.length - 1].length > 0 && size + piece.bytes > limitBytes) {
      requests.push([]);
      size = 0;
    }
    requests[requests.length - 1].push(piece);
    size += piece.bytes;
  };
  const fit = (chunk: Block, budget: number) => {
    const piece = toPiece(chunk);
    if (piece.bytes <= limitBytes) return add(piece);
    if (chunk.values.length === 1) {
      throw new WorkbookError(
        "too-large",
        `the row at ${chunk.at} needs ${piece.bytes} bytes, over the ${limitBytes}-byte request limit`
      );
    }
    const smaller = Math.max(
      1,
      Math.min(budget - 1, Math.floor((budget * limitBytes * 0.9) / piece.bytes))
    );
    for (const part of chunkRows(chunk, smaller)) fit(part, smaller);
  };
  for (const chunk of chunks) if (chunk.values.length > 0) fit(chunk, limitBytes);
  return requests;
}

/**
 * The requests one sheet is written in: always at least one (adding or clearing the sheet is a
 * write). The blocks go to packRequests as they are, empty ones included, so the count is the
 * memory adapter's to the request.
 */
export function planRequests(spec: SheetSpec, limitBytes: number): WriteRequest[] {
  return packRequests(spec.blocks, limitBytes).flatMap((chunks) => fitRequest(chunks, limitBytes));
}

/** Queues one piece: the values block, then formulas over the same range, then each column's number format. */
export function queuePiece(sheet: Excel.Worksheet, piece: WritePiece): void {
  const range = sheet.getRange(piece.address);
  range.values = piece.values;
  // null in a formulas array leaves that cell as the values write left it.
  if (piece.formulas) range.formulas = piece.formulas;
  for (const column of piece.numberFormats) {
    sheet.getRange(column.address).numberFormat = column.formats;
  }
}

/** Empties CompAlign's own sheet in place: its tables, charts, conditional formats, validation, cells, formats and view settings. */
export function queueClearSheet(sheet: Excel.Worksheet, info: SheetInfo): void {
  for (const table of info.tables) sheet.tables.getItem(table).delete();
  // By index, last first, so the indices of the charts still to delete do not move.
  for (let i = info.chartCount - 1; i >= 0; i--) sheet.charts.getItemAt(i).delete();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.clear();
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  if (pageLayoutSupported()) sheet.horizontalPageBreaks.removePageBreaks();
  sheet.freezePanes.unfreeze();
  sheet.tabColor = "";
}

const STYLE_FILL_HEADER = "#DDEBF7";
const STYLE_NOTE_COLOR = "#595959";

function queueStyle(sheet: Excel.Worksheet, block: Block): void {
  if (!block.style || block.style === "plain" || block.values.length === 0) return;
  const range = blockRange(block.at, block.values.length, block.values[0].length);
  if (!range) return;
  const format = sheet.getRange(formatRange(range)).format;
  switch (block.style) {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "header":
      format.font.bold = true;
      format.fill.color = STYLE_FILL_HEADER;
      break;
    case "note":
      format.font.italic = true;
      format.font.color = STYLE_NOTE_COLOR;
      break;
  }
}

const CHART_TYPES: Record<ChartSpec["type"], Excel.ChartType> = {
  column: "ColumnClustered" as Excel.ChartType,
  bar: "BarClustered" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
  scatter: "XYScatter" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
};

/** A range of this sheet ("C2:C200"), or of another when the reference names one ("Objectives!$A$2:$A$20"). */
function rangeOf(context: Excel.RequestContext, sheet: Excel.Worksheet, ref: string): Excel.Range {
  const parsed = parseSheetRef(ref);
  const address = parsed?.ref ?? ref;
  const owner =
    !parsed || parsed.sheet === null ? sheet : context.workbook.worksheets.getItem(parsed.sheet);
  return owner.getRange(address);
}

function queueChart(context: Excel.RequestContext, sheet: Excel.Worksheet, spec: ChartSpec): void {
  // The string values are those of Excel.ChartType / Excel.ChartSeriesBy.columns; the enums
  // themselves exist only once office.js has loaded, and nothing here needs them.
  const chart = sheet.charts.add(
    CHART_TYPES[spec.type],
    rangeOf(context, sheet, spec.dataRange),
    "Columns"
  );
  chart.title.text = spec.title;
  const width = spec.widthCells ?? 8;
  const height = spec.heightCells ?? 15;
  chart.setPosition(spec.at, offsetCell(spec.at, height - 1, width - 1));
  if (spec.type === "pie") return; // a pie has no axes
  if (spec.xAxisTitle) {
    chart.axes.categoryAxis.title.text = spec.xAxisTitle;
    chart.axes.categoryAxis.title.visible = true;
  }
  if (spec.yAxisTitle) {
    chart.axes.valueAxis.title.text = spec.yAxisTitle;
    chart.axes.valueAxis.title.visible = true;
  }
}

/** Office's requirement check, or null outside Office (tests): nothing optional is used then. */
function requirements(): Office.RequirementSetSupport | null {
  return (globalThis as { Office?: typeof Office }).Office?.context?.requirements ?? null;
}

/** ExcelApi 1.9 (page layout, print titles, page breaks, headers and footers): above the manifest's 1.8. */
export function pageLayoutSupported(): boolean {
  try {
    return Boolean(requirements()?.isSetSupported("ExcelApi", "1.9"));
  } catch {
    return false;
  }
}

/** ExcelApi 1.6 (cell-value conditional formats for the value colours). */
export function valueColorsSupported(): boolean {
  try {
    return Boolean(requirements()?.isSetSupported("ExcelApi", "1.6"));
  } catch {
    return false;
  }
}

/** "&L…&C…&R…" → the three sections Office.js sets one by one. */
export function headerSections(text: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let section: keyof typeof out = "center";
  let i = 0;
  while (i < text.length) {
    const code = text.slice(i, i + 2);
    if (code === "&L" || code === "&C" || code === "&R") {
      section = code === "&L" ? "left" : code === "&C" ? "center" : "right";
      i += 2;
    } else if (code === "&&") {
      out[section] += code;
      i += 2;
    } else {
      out[section] += text[i++];
    }
  }
  return out;
}

function queuePrint(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const print = spec.print;
  if (!print) return;
  const layout = sheet.pageLayout;
  layout.orientation = (
    print.orientation === "landscape" ? "Landscape" : "Portrait"
  ) as Excel.PageOrientation;
  layout.zoom = {
    horizontalFitToPages: print.fitToWidth,
    ...(print.fitToHeight > 0 ? { verticalFitToPages: print.fitToHeight } : {}),
  };
  layout.setPrintArea(print.area);
  if (print.repeatRows) {
    layout.setPrintTitleRows(`$${print.repeatRows.first}:$${print.repeatRows.last}`);
  }
  const header = headerSections(print.header);
  const footer = headerSections(print.footer);
  layout.headersFooters.defaultForAllPages.set({
    leftHeader: header.left,
    centerHeader: header.center,
    rightHeader: header.right,
    leftFooter: footer.left,
    centerFooter: footer.center,
    rightFooter: footer.right,
  });
  // A break "before the top-left cell": a new page starts at row n + 1.
  for (const row of print.rowBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
}

/** Queues everything that decorates the data; runs in the sheet's last request. */
export function queueDecorations(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  spec: SheetSpec
): void {
  for (const block of spec.blocks) queueStyle(sheet, block);

  for (const table of spec.tables ?? []) {
    const added = sheet.tables.add(rangeOf(context, sheet, table.range), true);
    added.name = table.name;
    if (table.style) added.style = table.style;
  }

  for (const validation of spec.validations ?? []) {
    const target = rangeOf(context, sheet, validation.range);
    const source = Array.isArray(validation.list)
      ? validation.list.join(",")
      : validation.list.source.startsWith("=")
        ? validation.list.source
        : `=${validation.list.source}`;
    target.dataValidation.rule = { list: { inCellDropDown: true, source } };
    if (validation.errorMessage) {
      target.dataValidation.errorAlert = {
        message: validation.errorMessage,
        showAlert: true,
        style: "Stop",
        title: "Not in the list",
      };
    }
  }

  for (const scale of spec.colorScales ?? []) {
    // "ColorScale" is Excel.ConditionalFormatType.colorScale.
    const format = rangeOf(context, sheet, scale.range).conditionalFormats.add(
      "ColorScale" as Excel.ConditionalFormatType
    );
    format.colorScale.criteria = {
      minimum: { type: "LowestValue", color: scale.minColor },
      ...(scale.midColor
        ? { midpoint: { type: "Percentile", formula: "50", color: scale.midColor } }
        : {}),
      maximum: { type: "HighestValue", color: scale.maxColor },
    };
  }

  for (const ref of spec.wrap ?? []) {
    const format = rangeOf(context, sheet, ref).format;
    format.wrapText = true;
    format.verticalAlignment = "Top" as Excel.VerticalAlignment;
  }

  if ((spec.valueColors?.length ?? 0) > 0 && valueColorsSupported()) {
    for (const rule of spec.valueColors ?? []) {
      const format = rangeOf(context, sheet, rule.range).conditionalFormats.add(
        "CellValue" as Excel.ConditionalFormatType
      );
      format.cellValue.format.font.color = rule.fontColor;
      if (rule.fillColor) format.cellValue.format.fill.color = rule.fillColor;
      format.cellValue.rule = {
        formula1: String(rule.value),
        operator: (rule.operator === "lessThan"
          ? "LessThan"
          : "GreaterThan") as Excel.ConditionalCellValueOperator,
      };
    }
  }

  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (rows > 0 && columns > 0) {
      // The range given is the top-left pane that stays in place: rows × columns from A1.
      const pane = formatRange({ start: { row: 0, col: 0 }, rows, cols: columns });
      sheet.freezePanes.freezeAt(sheet.getRange(pane));
    } else if (rows > 0) {
      sheet.freezePanes.freezeRows(rows);
    } else if (columns > 0) {
      sheet.freezePanes.freezeColumns(columns);
    }
  }

  (spec.columnWidths ?? []).forEach((chars, col) => {
    const column = columnLetters(col);
    sheet.getRange(`${column}:${column}`).format.columnWidth = columnWidthPoints(chars);
  });

  for (const { row, points } of spec.rowHeights ?? []) {
    sheet.getRange(`${row}:${row}`).format.rowHeight = points;
  }

  if (spec.tabColor) sheet.tabColor = spec.tabColor;

  for (const chart of spec.charts ?? []) queueChart(context, sheet, chart);

  if (spec.print && pageLayoutSupported()) queuePrint(sheet, spec);
}
