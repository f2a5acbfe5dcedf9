/**
 * A laid-out sheet (SheetModel) as SpreadsheetML, streamed row by row into a deflated part
 * (no DOM, no one big string): the worksheet part, its table parts and what the workbook must
 * list for it. Text is written as inline strings (the workbook's shared strings part stays as it
 * was), every cell style is a `StyleRegistry` index (appended once to styles.xml), formulas with
 * their cached values.
 *
 * Everything sheet-level that is not a cell (tab colour, frozen panes, column widths, print
 * setup, print area and titles) comes from ONE function, `sheetSettings`, each piece placed
 * where CT_Worksheet (ECMA-376 part 1, 18.3.1.99) wants it.
 */
import { columnLetters, formatRange, parseRange, type RangePosition } from "../a1";
import { sheetRef } from "../sheetRef";
import type { CellState } from "../cellStore";
import type { SheetModel } from "../sheetModel";
import { escapeAttr, escapeText } from "./charts/xml";
import type { StyleRegistry } from "./stylesXml";
import { DeflatedPartWriter, type OutEntry } from "./zipPackage";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** A workbook-level defined name a sheet asks for (print area, print titles), local to it. */
export interface SheetDefinedName {
  /** e.g. "_xlnm.Print_Area", "_xlnm.Print_Titles". */
  name: string;
  /** The reference, with the sheet name quoted as Excel writes it. */
  ref: string;
}

/**
 * The sheet-level settings of a SheetModel as the XML pieces CT_Worksheet holds, each in its
 * place. This is the one place they are read from the model: a new setting (page setup, print
 * titles, margins, header and footer) is one more field here.
 */
export interface SheetSettings {
  /** `<sheetPr>` (tab colour; page setup properties such as fitToPage go here too). */
  sheetPr: string;
  /** `<sheetViews>` (frozen panes). */
  sheetViews: string;
  /** `<cols>` (column widths), or "". */
  cols: string;
  /** `<printOptions>` (gridlines, centring), or "". */
  printOptions: string;
  /** `<pageMargins>`. */
  pageMargins: string;
  /** `<pageSetup>` (orientation, paper size, fit to width), or "". */
  pageSetup: string;
  /** `<headerFooter>`, or "". */
  headerFooter: string;
  /** `<rowBreaks>` (manual page breaks), or "". */
  rowBreaks: string;
  /** Defined names local to the sheet: print area, print titles. */
  definedNames: SheetDefinedName[];
}

export function sheetSettings(sheet: SheetModel): SheetSettings {
  const print = sheet.print;
  // CT_SheetPr: tabColor, outlinePr, pageSetUpPr.
  const sheetPrChildren =
    (sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : "") +
    (print ? '<pageSetUpPr fitToPage="1"/>' : "");
  const absolute = (range: string) =>
    range
      .split(":")
      .map((a) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
  const definedNames: SheetDefinedName[] = [];
  if (print) {
    definedNames.push({
      name: "_xlnm.Print_Area",
      ref: sheetRef(sheet.name, absolute(print.area)),
    });
    if (print.repeatRows) {
      definedNames.push({
        name: "_xlnm.Print_Titles",
        ref: sheetRef(sheet.name, `$${print.repeatRows.first}:$${print.repeatRows.last}`),
      });
    }
  }
  let pane = "";
  const freeze = sheet.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    const topLeft = `${columnLetters(freeze.columns)}${freeze.rows + 1}`;
    const activePane =
      freeze.rows > 0 && freeze.columns > 0
        ? "bottomRight"
        : freeze.rows > 0
          ? "bottomLeft"
          : "topRight";
    pane =
      `<pane${freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : ""}` +
      `${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${topLeft}"` +
      ` activePane="${activePane}" state="frozen"/>` +
      `<selection pane="${activePane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  const cols = sheet.columnWidths
    .map((width, i) =>
      width > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>` : ""
    )
    .join("");
  return {
    sheetPr: sheetPrChildren ? `<sheetPr>${sheetPrChildren}</sheetPr>` : "",
    sheetViews: `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
    cols: cols ? `<cols>${cols}</cols>` : "",
    printOptions: "",
    pageMargins:
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    pageSetup: print
      ? `<pageSetup orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>`
      : "",
    headerFooter:
      print && (print.header || print.footer)
        ? `<headerFooter>${print.header ? `<oddHeader>${escapeText(print.header)}</oddHeader>` : ""}${print.footer ? `<oddFooter>${escapeText(print.footer)}</oddFooter>` : ""}</headerFooter>`
        : "",
    rowBreaks:
      print && print.rowBreaks.length > 0
        ? `<rowBreaks count="${print.rowBreaks.length}" manualBreakCount="${print.rowBreaks.length}">${print.rowBreaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("")}</rowBreaks>`
        : "",
    definedNames,
  };
}

/** What writing a sheet produced, for the package around it. */
export interface WrittenSheetPart {
  sheet: OutEntry;
  /** Table parts, each with its relationship id on the sheet. */
  tables: { path: string; relId: string; entry: OutEntry }[];
  /** The sheet's defined names (print area, titles). */
  definedNames: SheetDefinedName[];
}

export interface SheetPartOptions {
  /** e.g. "xl/worksheets/sheet5.xml". */
  path: string;
  styles: StyleRegistry;
  /** A free table part path (each call a new one). */
  nextTablePath: () => string;
  /** A free table id in the workbook (each call a new one). */
  nextTableId: () => number;
  /** The relationship id of the sheet's drawing when it has charts. */
  drawingRelId?: string;
  level?: number;
}

/**
 * A cell's XML after its opening `<c r="A1" s="3"` (the caller builds that once per row and
 * column); text is escaped.
 */
function cellXmlRest(cell: Readonly<CellState>): string {
  const value = cell.value;
  if (cell.formula !== null) {
    const f = `><f>${escapeText(cell.formula.slice(1))}</f>`;
    if (value === null) return `${f}</c>`;
    if (typeof value === "number") return `${f}<v>${value}</v></c>`;
    if (typeof value === "boolean") return ` t="b"${f}<v>${value ? 1 : 0}</v></c>`;
    return ` t="str"${f}<v>${escapeText(value)}</v></c>`;
  }
  if (value === null) return "/>";
  if (typeof value === "number") return `><v>${value}</v></c>`;
  if (typeof value === "boolean") return ` t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return ` t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
}

/** Block styles as small numbers, for the style lookup below. */
const STYLE_CODE = { title: 1, header: 2, note: 3 } as const;

/**
 * The ` s="n"` attribute of a (number format, block style, wrapped) combination: looked up in
 * the registry once per combination, not once per cell (a detail tab is a million cells).
 */
function styleAttributes(styles: StyleRegistry) {
  const byFormat = new Map<string | null, string[]>();
  return (numberFormat: string | null, style: CellState["style"], wrapped: boolean): string => {
    let slots = byFormat.get(numberFormat);
    if (!slots) byFormat.set(numberFormat, (slots = []));
    const slot = (style === null ? 0 : STYLE_CODE[style]) * 2 + (wrapped ? 1 : 0);
    let attr = slots[slot];
    if (attr === undefined) {
      const index = styles.index(numberFormat, style, wrapped);
      attr = slots[slot] = index > 0 ? ` s="${index}"` : "";
    }
    return attr;
  };
}

function tableXml(id: number, sheet: SheetModel, table: SheetModel["tables"][number]): string {
  const range = parseRange(table.range)!;
  const ref = formatRange(range);
  const columns = Array.from({ length: range.cols }, (_, c) => {
    const header = sheet.cells.get(range.start.row, range.start.col + c).value;
    return `<tableColumn id="${c + 1}" name="${escapeAttr(String(header ?? `Column${c + 1}`))}"/>`;
  }).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(table.name)}" displayName="${escapeAttr(table.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${range.cols}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function validationsXml(sheet: SheetModel): string {
  if (sheet.validations.length === 0) return "";
  const items = sheet.validations.map((v) => {
    const formula = Array.isArray(v.list) ? `"${v.list.join(",")}"` : v.list.source;
    const error = v.errorMessage ? ` error="${escapeAttr(v.errorMessage)}"` : "";
    return (
      `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1"${error} sqref="${v.range}">` +
      `<formula1>${escapeText(formula)}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function colorScalesXml(sheet: SheetModel): string {
  return sheet.colorScales
    .map((scale, i) => {
      const mid = scale.midColor !== undefined;
      const cfvo = mid
        ? '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>'
        : '<cfvo type="min"/><cfvo type="max"/>';
      const colors = (
        mid ? [scale.minColor, scale.midColor!, scale.maxColor] : [scale.minColor, scale.maxColor]
      )
        .map((hex) => `<color rgb="${argb(hex)}"/>`)
        .join("");
      return `<conditionalFormatting sqref="${scale.range}"><cfRule type="colorScale" priority="${i + 1}"><colorScale>${cfvo}${colors}</colorScale></cfRule></conditionalFormatting>`;
    })
    .join("");
}

function valueColorsXml(sheet: SheetModel, styles: StyleRegistry, firstPriority: number): string {
  return sheet.valueColors
    .map(
      (rule, i) =>
        `<conditionalFormatting sqref="${rule.range}"><cfRule type="cellIs" dxfId="${styles.dxf(rule.fontColor, rule.fillColor ?? null)}" priority="${firstPriority + i}" operator="${rule.operator}"><formula>${rule.value}</formula></cfRule></conditionalFormatting>`
    )
    .join("");
}

const inside = (range: RangePosition, row: number, col: number) =>
  row >= range.start.row &&
  row < range.start.row + range.rows &&
  col >= range.start.col &&
  col < range.start.col + range.cols;

/** Writes the sheet's part (streamed and deflated) and its table parts. */
export function writeSheetPart(sheet: SheetModel, options: SheetPartOptions): WrittenSheetPart {
  const settings = sheetSettings(sheet);
  const out = new DeflatedPartWriter(options.path, options.level);
  out.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      settings.sheetPr +
      // No <dimension> (optional): it would cost a pass over every cell before the first row.
      settings.sheetViews +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      settings.cols +
      "<sheetData>"
  );

  const letters: string[] = [];
  const letter = (col: number) => letters[col] ?? (letters[col] = columnLetters(col));
  const wrap = sheet.wrap.map((ref) => parseRange(ref)!);
  // Row heights by zero-based row; rows with a height and no cell are written empty.
  const heights = new Map(sheet.rowHeights.map((h) => [h.row - 1, h.points]));
  const heightOnly = [...heights.keys()].sort((a, b) => a - b);
  let nextHeightOnly = 0;
  const rowOpen = (r: number) => {
    const points = heights.get(r);
    return points === undefined
      ? `<row r="${r + 1}">`
      : `<row r="${r + 1}" ht="${points}" customHeight="1">`;
  };
  const emptyRowsBefore = (r: number) => {
    while (nextHeightOnly < heightOnly.length && heightOnly[nextHeightOnly] < r) {
      const empty = heightOnly[nextHeightOnly++];
      out.write(`${rowOpen(empty).slice(0, -1)}/>`);
    }
    if (heightOnly[nextHeightOnly] === r) nextHeightOnly++;
  };
  const styleAttr = styleAttributes(options.styles);
  let currentRow = -1;
  // The open row's cells, its reference number and the wrap ranges crossing it.
  let row: string[] = [];
  let rowNumber = "";
  const rowWrap: RangePosition[] = [];
  // Per column, the last cell's (format, style, wrapped), its ` s="n"` and `<c r="X`: a
  // column's cells mostly share them, so the style lookup is skipped (a detail tab is a million
  // cells).
  const lastFormat: (string | null | undefined)[] = [];
  const lastStyle: CellState["style"][] = [];
  const lastWrapped: boolean[] = [];
  const lastAttr: string[] = [];
  const cellOpen: string[] = [];
  const flushRow = () => {
    if (currentRow >= 0) out.write(`${rowOpen(currentRow)}${row.join("")}</row>`);
    row = [];
  };
  sheet.cells.forEach((cell, r, c) => {
    if (r !== currentRow) {
      flushRow();
      emptyRowsBefore(r);
      currentRow = r;
      rowNumber = String(r + 1);
      rowWrap.length = 0;
      for (const range of wrap) if (inside(range, r, range.start.col)) rowWrap.push(range);
    }
    let wrapped = false;
    for (let k = 0; k < rowWrap.length && !wrapped; k++) wrapped = inside(rowWrap[k], r, c);
    const { numberFormat, style } = cell;
    let attr = lastAttr[c];
    if (
      attr === undefined ||
      lastFormat[c] !== numberFormat ||
      lastStyle[c] !== style ||
      lastWrapped[c] !== wrapped
    ) {
      attr = lastAttr[c] = styleAttr(numberFormat, style, wrapped);
      lastFormat[c] = numberFormat;
      lastStyle[c] = style;
      lastWrapped[c] = wrapped;
    }
    row.push(
      `${cellOpen[c] ?? (cellOpen[c] = `<c r="${letter(c)}`)}${rowNumber}"${attr}${cellXmlRest(cell)}`
    );
  });
  flushRow();
  emptyRowsBefore(Number.MAX_SAFE_INTEGER);
  out.write("</sheetData>");

  out.write(colorScalesXml(sheet));
  out.write(valueColorsXml(sheet, options.styles, sheet.colorScales.length + 1));
  out.write(validationsXml(sheet));
  out.write(
    settings.printOptions +
      settings.pageMargins +
      settings.pageSetup +
      settings.headerFooter +
      settings.rowBreaks
  );
  if (options.drawingRelId) out.write(`<drawing r:id="${options.drawingRelId}"/>`);

  const tables = sheet.tables.map((table, i) => {
    const path = options.nextTablePath();
    const relId = `rIdT${i + 1}`;
    return { path, relId, xml: tableXml(options.nextTableId(), sheet, table) };
  });
  if (tables.length > 0) {
    out.write(
      `<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join("")}</tableParts>`
    );
  }
  out.write("</worksheet>");

  const partWriter = (path: string, xml: string) => {
    const w = new DeflatedPartWriter(path, options.level);
    w.write(xml);
    return w.finish();
  };
  return {
    sheet: out.finish(),
    tables: tables.map((t) => ({ path: t.path, relId: t.relId, entry: partWriter(t.path, t.xml) })),
    definedNames: settings.definedNames,
  };
}
