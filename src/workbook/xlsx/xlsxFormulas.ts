/**
 * The xlsx adapter's reading side for formula evaluation: an .xlsx file (via exceljs) → per
 * sheet, its constant cells and its formula cells (formulaGrid.ts). Shared formulas (filled
 * down or across, stored once) are moved to each cell of the fill; array formulas keep their
 * declared range, whose other cells are results, not inputs. Dates become Excel serials, rich
 * text and hyperlinks their text, error values their Excel text. Sheet names are kept as is.
 */
import { plainText } from "./readValues";
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { ValueType, Workbook, type Cell, type Worksheet } from "exceljs";
import { parseA1, parseRange, type CellPosition } from "../a1";
import { dateToSerial } from "../excelDate";
import { shiftFormula } from "../formulaShift";
import { describeFileProblem, sniffFileProblem } from "../fileProblem";
import { WorkbookError } from "../port";
import type {
  Constant,
  ConstantCell,
  DefinedName,
  FormulaCell,
  GridSheet,
  TableDef,
} from "../formulaGrid";
import { externalSheetName } from "../formulaGrid";

/** The exceljs workbook calc reads formulas from and writes computed values into. */
export type FormulaWorkbook = Workbook;

/** exceljs's model of a formula cell (its typings leave out shareType and ref). */
/** The formula text a what-if data table's cells are given (Excel's own {=TABLE(...)}). */
export const DATA_TABLE = "TABLE()";

export interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: "shared" | "array" | "dataTable";
  ref?: string;
  result?: unknown;
}

export interface FormulaBook {
  sheets: GridSheet[];
  /** Defined names that stand for one range (Excel's own, such as print areas, left out). */
  names: DefinedName[];
  /** True when the workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
  /** The Excel tables the sheets define (structured references resolve against them). */
  tables: TableDef[];
  /** Iterative calculation as the file sets it (File > Options > Formulas), or undefined when off. */
  iterate?: { count: number; delta: number };
  /**
   * The values Excel keeps in the file for the other workbooks its formulas link to (what
   * Excel itself computes with while those are closed): one sheet per linked sheet, named
   * by externalSheetName(book, sheet).
   */
  externals?: GridSheet[];
}

/** Package parts exceljs does not read: iterative calculation and external-link values. */
interface PackageExtras {
  iterate?: FormulaBook["iterate"];
  externals: GridSheet[];
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The cached sheets of one externalLink part. */
function externalSheets(xml: string, book: number): GridSheet[] {
  const names = [...xml.matchAll(/<(?:\w+:)?sheetName\b[^>]*\bval="([^"]*)"/g)].map((m) =>
    xmlText(m[1])
  );
  const sheets: GridSheet[] = names.map((name) => ({
    name: externalSheetName(book, name),
    constants: [],
    formulas: [],
  }));
  // Only sheets the file keeps values for: without them the link's values are unknown.
  const kept = new Set<GridSheet>();
  for (const data of xml.matchAll(
    // An empty <sheetData .../> (often refreshError="1") keeps nothing for its sheet.
    /<(?:\w+:)?sheetData\b([^>]*?)(?<!\/)>([\s\S]*?)<\/(?:\w+:)?sheetData>/g
  )) {
    const sheet = sheets[Number(/\bsheetId="(\d+)"/.exec(data[1])?.[1] ?? -1)];
    if (!sheet) continue;
    kept.add(sheet);
    for (const cell of data[2].matchAll(
      /<(?:\w+:)?cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?cell>)/g
    )) {
      const ref = /\br="([A-Z]+\d+)"/.exec(cell[1])?.[1];
      const type = /\bt="(\w+)"/.exec(cell[1])?.[1] ?? "n";
      const raw = cell[2] ? /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(cell[2])?.[1] : undefined;
      const at = ref ? parseA1(ref) : undefined;
      if (!at || raw === undefined) continue;
      const text = xmlText(raw);
      const value: Constant =
        type === "str" || type === "s" || type === "inlineStr"
          ? text
          : type === "b"
            ? text === "1" || text === "true"
            : type === "e"
              ? { error: text }
              : Number(text);
      if (typeof value === "number" && !Number.isFinite(value)) continue;
      sheet.constants.push({ ...at, value });
    }
  }
  return sheets.filter((sheet) => kept.has(sheet));
}

/**
 * The file's iterative-calculation setting (workbook.xml `<calcPr iterate="1"
 * iterateCount=".." iterateDelta=".."/>`, Excel's defaults 100 and 0.001) and the values it
 * keeps for linked workbooks (xl/externalLinks/, numbered as workbook.xml lists them).
 */
export async function readPackageExtras(bytes: Uint8Array): Promise<PackageExtras> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const externals: GridSheet[] = [];
  const refs = [...xml.matchAll(/<(?:\w+:)?externalReference\b[^>]*\bid="([^"]*)"/g)].map(
    (m) => m[1]
  );
  if (refs.length) {
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    for (const [i, id] of refs.entries()) {
      const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => m[0])
        .find((r) => r.includes(`Id="${id}"`));
      const target = rel ? /\bTarget="([^"]*)"/.exec(rel)?.[1] : undefined;
      if (!target) continue;
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      const part = await zip.file(path)?.async("string");
      if (part) externals.push(...externalSheets(part, i + 1));
    }
  }
  return { iterate: iterateOf(xml), externals };
}

/** What loadXlsx read beside exceljs, per workbook. */
const extrasOf = new WeakMap<FormulaWorkbook, PackageExtras>();

function iterateOf(xml: string): FormulaBook["iterate"] {
  const calcPr = xml ? /<(?:\w+:)?calcPr\b[^>]*>/.exec(xml)?.[0] : undefined;
  if (!calcPr) return undefined;
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(calcPr)?.[1];
  const on = attr("iterate");
  if (on !== "1" && on !== "true") return undefined;
  const count = Number(attr("iterateCount") ?? 100);
  const delta = Number(attr("iterateDelta") ?? 0.001);
  return {
    count: Number.isInteger(count) && count > 0 ? count : 100,
    delta: Number.isFinite(delta) && delta >= 0 ? delta : 0.001,
  };
}

/** Loads an .xlsx file; the file is only read, never opened for writing. */
export async function loadXlsx(path: string): Promise<FormulaWorkbook> {
  const bytes = await readFile(path);
  const workbook = new Workbook();
  // Plain words for files that are not .xlsx at all, or are damaged (fileProblem.ts).
  const sniffed = sniffFileProblem(bytes);
  if (sniffed) throw new WorkbookError("unreadable", sniffed);
  try {
    await workbook.xlsx.load(bytes.slice() as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError("unreadable", await describeFileProblem(bytes));
  }
  extrasOf.set(workbook, await readPackageExtras(bytes));
  return workbook;
}

export function position(cell: Cell): CellPosition {
  return { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
}

function constantOf(cell: Cell, date1904: boolean): Constant | undefined {
  const value = cell.value;
  switch (cell.type) {
    case ValueType.Number:
    case ValueType.Boolean:
      return value as number | boolean;
    case ValueType.Date:
      return dateToSerial(value as Date, date1904);
    case ValueType.String:
    case ValueType.SharedString:
    case ValueType.RichText:
    case ValueType.Hyperlink:
      return plainText(value);
    case ValueType.Error:
      return { error: (value as { error: string }).error };
    default:
      return undefined;
  }
}

function formulaText(worksheet: Worksheet, cell: Cell, model: FormulaModel): string | undefined {
  if (model.formula) return model.formula;
  if (!model.sharedFormula) return undefined;
  const master = worksheet.getCell(model.sharedFormula);
  const masterFormula = (master.value as FormulaModel | null)?.formula;
  const from = parseA1(model.sharedFormula);
  if (!masterFormula || !from) return undefined;
  const to = position(cell);
  return shiftFormula(masterFormula, to.row - from.row, to.col - from.col);
}

/** A formula's saved result (exceljs gives errors as {error}, dates as Date) as a constant. */
function cachedConstant(result: unknown, date1904: boolean): Constant | null {
  if (result === undefined || result === null) return null;
  // exceljs gives NaN for some results it cannot read (a shared formula's text result).
  if (typeof result === "number") return Number.isFinite(result) ? result : null;
  if (typeof result === "boolean" || typeof result === "string") return result;
  if (result instanceof Date) return dateToSerial(result, date1904);
  if (typeof result === "object" && typeof (result as { error?: unknown }).error === "string")
    return { error: (result as { error: string }).error };
  return plainText(result);
}

function formulaCell(worksheet: Worksheet, cell: Cell, date1904: boolean): FormulaCell | undefined {
  const model = cell.value as FormulaModel;
  // A what-if data table (Data > What-If Analysis) has no formula text; written TABLE() here,
  // a function no engine has, so it is reported with Excel's saved values.
  const dataTable = model.shareType === "dataTable";
  const formula = dataTable ? DATA_TABLE : formulaText(worksheet, cell, model);
  if (formula === undefined) return undefined;
  const at = position(cell);
  const range =
    (model.shareType === "array" || dataTable) && model.ref ? parseRange(model.ref) : undefined;
  // cell.result, not model.result: exceljs leaves a saved 0 or FALSE out of the value.
  const cached = [[cachedConstant(cell.result as unknown, date1904)]];
  if (!range) return { ...at, formula, cached };
  // The other cells of an array range hold its saved results.
  for (let r = 0; r < range.rows; r++) {
    if (!cached[r]) cached[r] = [];
    for (let c = 0; c < range.cols; c++) {
      if (r === 0 && c === 0) continue;
      const other = worksheet.findCell(at.row + r + 1, at.col + c + 1);
      cached[r][c] = other ? (constantOf(other, date1904) ?? null) : null;
    }
  }
  return { ...at, formula, array: { rows: range.rows, cols: range.cols }, cached };
}

/** Positions covered by array formulas other than their anchors, as "row,col" keys. */
function arrayResultCells(formulas: FormulaCell[]): Set<string> {
  const covered = new Set<string>();
  for (const f of formulas) {
    if (!f.array) continue;
    for (let r = 0; r < f.array.rows; r++) {
      for (let c = 0; c < f.array.cols; c++) if (r || c) covered.add(`${f.row + r},${f.col + c}`);
    }
  }
  return covered;
}

function readSheet(worksheet: Worksheet, date1904: boolean): GridSheet {
  const constants: ConstantCell[] = [];
  const formulas: FormulaCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ValueType.Formula) {
        const formula = formulaCell(worksheet, cell, date1904);
        if (formula) formulas.push(formula);
        return;
      }
      const value = constantOf(cell, date1904);
      if (value !== undefined) constants.push({ ...position(cell), value });
    });
  });
  const covered = arrayResultCells(formulas);
  const key = (p: CellPosition) => `${p.row},${p.col}`;
  return {
    name: worksheet.name,
    constants: covered.size ? constants.filter((c) => !covered.has(key(c))) : constants,
    formulas: covered.size ? formulas.filter((f) => !covered.has(key(f))) : formulas,
  };
}

function definedNames(workbook: FormulaWorkbook): DefinedName[] {
  const model = (
    workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }
  ).model;
  return model
    .filter((n) => n.ranges.length === 1 && !n.name.toLowerCase().startsWith("_xlnm."))
    .map((n) => ({ name: n.name, ref: n.ranges[0] }));
}

/** exceljs's model of a table read from a file (its typings describe the one it writes). */
interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

function tablesOf(worksheet: Worksheet): TableDef[] {
  const tables = (worksheet as unknown as { tables?: Record<string, { model?: TableModel }> })
    .tables;
  const out: TableDef[] = [];
  for (const table of Object.values(tables ?? {})) {
    const model = table.model;
    const range = model ? parseRange(model.tableRef ?? model.ref ?? "") : undefined;
    const name = model?.name ?? model?.displayName;
    if (!model || !range || !name) continue;
    out.push({
      name,
      sheet: worksheet.name,
      row: range.start.row,
      col: range.start.col,
      rows: range.rows,
      columns: (model.columns ?? []).map((c, i) => c.name ?? `Column${i + 1}`),
      headerRow: model.headerRow !== false,
      totalsRow: model.totalsRow === true,
    });
  }
  return out;
}

/** Every worksheet's constants and formulas, in workbook order, the defined names and tables. */
export function formulaBook(workbook: FormulaWorkbook): FormulaBook {
  const date1904 = Boolean(workbook.properties?.date1904);
  const extras = extrasOf.get(workbook);
  const iterate = extras?.iterate;
  return {
    sheets: workbook.worksheets.map((ws) => readSheet(ws, date1904)),
    names: definedNames(workbook),
    date1904,
    tables: workbook.worksheets.flatMap(tablesOf),
    ...(iterate ? { iterate } : {}),
    ...(extras?.externals.length ? { externals: extras.externals } : {}),
  };
}
