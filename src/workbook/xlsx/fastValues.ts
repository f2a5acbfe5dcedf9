/**
 * A worksheet part's values read straight from its XML, for sheets too large to hand to exceljs
 * (see `LARGE_SHEET_BYTES` in xlsxWorkbook.ts): the same result as `readValues` on the sheet
 * exceljs would load. The used range runs from A1 to the last cell with a value or a formula;
 * shared and inline strings (rich text joined, phonetic runs left out), numbers, logicals,
 * error values as their text, a formula's cached result (null when the file has none), ISO dates
 * (`t="d"`) as serials; "" reads as null. Cells and rows without an `r` follow the previous one.
 */
import { columnIndex } from "../a1";
import { dateToSerial } from "../excelDate";
import type { SheetValue } from "../port";
import { unescapeXml } from "./charts/xml";

/** The text of every `<t>` in a fragment (phonetic runs left out), unescaped and joined. */
export function textRuns(fragment: string): string {
  const withoutPhonetic = fragment.includes("rPh")
    ? fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")
    : fragment;
  let out = "";
  const pattern = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(withoutPhonetic))) out += unescapeXml(match[1]);
  return out;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const R_ATTR = /\sr="([A-Z]+)(\d+)"/;
const ROW_R = /\sr="(\d+)"/;
const T_ATTR = /\st="(\w+)"/;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f[\s/>]/;
const IS = /<(?:\w+:)?is\b[\s\S]*?<\/(?:\w+:)?is>/;

function cellValue(
  type: string | undefined,
  body: string,
  strings: readonly string[],
  date1904: boolean
): SheetValue {
  if (type === "inlineStr") {
    const text = textRuns(IS.exec(body)?.[0] ?? "");
    return text === "" ? null : text;
  }
  const v = V.exec(body);
  if (!v) return null;
  const raw = v[1].includes("&") ? unescapeXml(v[1]) : v[1];
  switch (type) {
    case "s": {
      const text = strings[Number(raw)];
      return text === undefined || text === "" ? null : text;
    }
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "str":
    case "e":
      return raw === "" ? null : raw;
    case "d": {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(date.getTime()) ? null : dateToSerial(date, date1904);
    }
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The sheet's values from A1 to the last cell with a value or a formula, padded with null. */
export function readSheetXmlValues(
  sheetXml: string,
  strings: readonly string[],
  date1904: boolean
): SheetValue[][] {
  const start = sheetXml.search(/<(?:\w+:)?sheetData\b/);
  const end = sheetXml.search(/<\/(?:\w+:)?sheetData>/);
  if (start < 0 || end < 0) return [];
  const data = sheetXml.slice(start, end);
  const rows: SheetValue[][] = [];
  let usedRows = 0;
  let usedCols = 0;
  let rowIndex = -1;
  ROW.lastIndex = 0;
  let row: RegExpExecArray | null;
  while ((row = ROW.exec(data))) {
    const r = ROW_R.exec(row[1]);
    rowIndex = r ? Number(r[1]) - 1 : rowIndex + 1;
    const body = row[2];
    if (!body) continue;
    let col = -1;
    CELL.lastIndex = 0;
    let cell: RegExpExecArray | null;
    while ((cell = CELL.exec(body))) {
      const attrs = cell[1];
      const ref = R_ATTR.exec(attrs);
      col = ref ? columnIndex(ref[1]) : col + 1;
      const at = ref ? Number(ref[2]) - 1 : rowIndex;
      const inner = cell[2];
      if (!inner) continue;
      const value = cellValue(T_ATTR.exec(attrs)?.[1], inner, strings, date1904);
      const used = value !== null || F.test(inner);
      if (!used) continue;
      usedRows = Math.max(usedRows, at + 1);
      usedCols = Math.max(usedCols, col + 1);
      if (value !== null) (rows[at] ??= [])[col] = value;
    }
  }
  const out: SheetValue[][] = new Array(usedRows);
  for (let r = 0; r < usedRows; r++) {
    const source = rows[r];
    const line = new Array<SheetValue>(usedCols).fill(null);
    if (source)
      for (let c = 0; c < source.length && c < usedCols; c++)
        if (source[c] !== undefined) line[c] = source[c];
    out[r] = line;
  }
  return out;
}
