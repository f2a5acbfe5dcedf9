/**
 * Cell values straight from a worksheet part, for the charts' caches when the caller passes no
 * values (and for data ranges on another sheet): shared strings, inline strings, numbers,
 * logicals, error text, and a formula's cached result. Dates stay the serial numbers the file
 * holds. Only what a chart cache needs; the exceljs adapter remains the reader of record.
 */
import { parseA1 } from "../../a1";
import type { SheetValue } from "../../port";
import { attributes, unescapeXml } from "./xml";

/** The text of every `<t>` in a fragment (phonetic runs left out), unescaped and joined. */
function textRuns(fragment: string): string {
  const withoutPhonetic = fragment.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  const pattern = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(withoutPhonetic))) out += unescapeXml(match[1]);
  return out;
}

/** The shared string table (`xl/sharedStrings.xml`), index → text. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const pattern = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(xml))) out.push(match[1] === undefined ? "" : textRuns(match[1]));
  return out;
}

/** A sheet's cells, keyed by zero-based `row * 16384 + col`. */
export interface SheetCells {
  /** Cells with a value. */
  values: Map<number, SheetValue>;
  /** The style (cellXfs index) of every cell that names one. */
  styles: Map<number, number>;
}

export const cellKey = (row: number, col: number): number => row * 16384 + col;

/** Reads every cell with a value or a style from a worksheet part. */
export function readSheetCells(sheetXml: string, strings: readonly string[]): SheetCells {
  const cells: SheetCells = { values: new Map(), styles: new Map() };
  const pattern = /<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(sheetXml))) {
    const a = attributes(match[1]);
    const at = a.r ? parseA1(a.r) : undefined;
    if (!at) continue;
    if (a.s !== undefined && Number(a.s) > 0)
      cells.styles.set(cellKey(at.row, at.col), Number(a.s));
    const body = match[2];
    if (body === undefined) continue;
    const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
    const raw = v ? unescapeXml(v[1]) : undefined;
    let value: SheetValue = null;
    switch (a.t) {
      case "s":
        value = raw === undefined ? null : (strings[Number(raw)] ?? null);
        break;
      case "inlineStr":
        value = textRuns(/<(?:\w+:)?is\b[\s\S]*?<\/(?:\w+:)?is>/.exec(body)?.[0] ?? "");
        break;
      case "b":
        value = raw === undefined ? null : raw.trim() === "1" || raw.trim() === "true";
        break;
      case "str":
      case "e":
      case "d":
        value = raw ?? null;
        break;
      default: {
        const n = raw === undefined ? NaN : Number(raw);
        value = raw !== undefined && raw.trim() !== "" && Number.isFinite(n) ? n : null;
      }
    }
    if (value === "") value = null;
    if (value !== null) cells.values.set(cellKey(at.row, at.col), value);
  }
  return cells;
}

/** Excel's built-in number formats that a chart axis would show (ECMA-376 part 1, 18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  14: "m/d/yyyy",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  48: "##0.0E+0",
  49: "@",
};

/**
 * The number format code of each cell style (`xl/styles.xml`: cellXfs → numFmtId → numFmts or
 * a built-in format), by style index; "General" where there is nothing else to say.
 */
export function styleFormats(stylesXml: string | undefined): (style: number) => string {
  if (!stylesXml) return () => "General";
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) {
    const a = attributes(m[0]);
    custom.set(Number(a.numFmtId), a.formatCode ?? "General");
  }
  const cellXfs =
    /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  const ids = [...cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) =>
    Number(attributes(m[0]).numFmtId ?? 0)
  );
  return (style) => {
    const id = ids[style] ?? 0;
    return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General";
  };
}
