/**
 * Formula text rewrites that let HyperFormula compute what Excel writes in its own terms:
 *
 * - structured references to Excel tables (`Sales[Amount]`, `Sales[@Amount]`,
 *   `Sales[[#Headers],[Amount]]`, `Sales[#All]`, `Sales[[#This Row],[Rep]:[Amount]]`, a bare
 *   `Sales`) become A1 ranges, from the file's table definitions;
 * - whole-column references (`A:A`, `Data!$B:$D`) become ranges over the rows the workbook
 *   uses, so the engine does not walk a million rows for each of them.
 *
 * A reference that cannot be resolved (an unknown table or column, `#This Row` outside the
 * table's rows) is left as it is; the unsupported-construct check then reports it.
 */
import { formatA1 } from "../workbook/a1";
import { quoteSheetName } from "../workbook/sheetRef";
import type { TableDef } from "../workbook/formulaGrid";
import { mapCode } from "../functions/formulaText";

export type { TableDef };

/** Where the formula is: its sheet and cell (for `#This Row` and a table named by position). */
export interface FormulaPlace {
  sheet: string;
  row: number;
  col: number;
}

/** HyperFormula gets every sheet name quoted (`'Data'!$C$3`). */
const quoteSheet = (name: string) => quoteSheetName(name, true);

function rangeText(sheet: string, r0: number, c0: number, r1: number, c1: number): string {
  const a = formatA1({ row: r0, col: c0 }).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  const b = formatA1({ row: r1, col: c1 }).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** The end of the bracket group opening at `start` (index of the matching "]"), or -1. */
function closing(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const ch = code[i];
    if (ch === "'" && i + 1 < code.length) {
      i++; // an escaped character inside a column name
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

/** Column names are compared without regard to case; ' escapes [ ] # ' in them. */
const columnKey = (name: string) => name.replace(/'(.)/g, "$1").trim().toLowerCase();

interface Spec {
  items: Set<string>;
  from?: string;
  to?: string;
}

/** Parses what is inside Table[...]: items (#All, #Data, ...) and a column or column span. */
function parseSpec(inner: string): Spec | undefined {
  const spec: Spec = { items: new Set() };
  const text = inner.trim();
  if (text === "") return spec;
  const setColumns = (part: string): boolean => {
    const span = /^\[([^\]]*(?:'.[^\]]*)*)\]\s*:\s*\[([^\]]*(?:'.[^\]]*)*)\]$/.exec(part);
    if (span) {
      spec.from = columnKey(span[1]);
      spec.to = columnKey(span[2]);
      return true;
    }
    const one = /^\[(.*)\]$/s.exec(part);
    const name = one ? one[1] : part;
    if (name.startsWith("#")) {
      spec.items.add(name.toLowerCase().replace(/\s+/g, " "));
      return true;
    }
    if (name.startsWith("@")) {
      spec.items.add("#this row");
      const rest = name.slice(1).trim();
      return rest === "" || setColumns(rest);
    }
    spec.from = spec.to = columnKey(name);
    return true;
  };
  if (!text.startsWith("[")) return setColumns(text) ? spec : undefined;
  if (text.startsWith("@")) return setColumns(text) ? spec : undefined;
  // A list: [#Headers],[Amount] or [#This Row],[Rep]:[Amount] or [Rep]:[Amount].
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "," || /\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] !== "[") return undefined;
    const end = closing(text, i);
    if (end < 0) return undefined;
    let part = text.slice(i, end + 1);
    i = end + 1;
    const colon = /^\s*:\s*\[/.exec(text.slice(i));
    if (colon) {
      const start = i + colon[0].length - 1;
      const end2 = closing(text, start);
      if (end2 < 0) return undefined;
      part += `:${text.slice(start, end2 + 1)}`;
      i = end2 + 1;
    }
    parts.push(part);
  }
  for (const part of parts) {
    if (part.includes("]:[")) {
      if (!setColumns(part)) return undefined;
    } else if (!setColumns(part)) return undefined;
  }
  return spec;
}

/** The A1 range a structured reference stands for, or undefined when it cannot be resolved. */
function resolve(table: TableDef, spec: Spec, at: FormulaPlace): string | undefined {
  const first = table.row;
  const last = table.row + table.rows - 1;
  const dataFirst = first + (table.headerRow ? 1 : 0);
  const dataLast = last - (table.totalsRow ? 1 : 0);
  const keys = table.columns.map(columnKey);
  let c0 = 0;
  let c1 = keys.length - 1;
  if (spec.from !== undefined) {
    c0 = keys.indexOf(spec.from);
    c1 = keys.indexOf(spec.to ?? spec.from);
    if (c0 < 0 || c1 < 0) return undefined;
    if (c1 < c0) [c0, c1] = [c1, c0];
  }
  const items = spec.items;
  let r0: number;
  let r1: number;
  if (items.has("#this row")) {
    if (at.sheet !== table.sheet || at.row < dataFirst || at.row > dataLast) return undefined;
    r0 = r1 = at.row;
  } else if (items.has("#all") || (items.has("#headers") && items.has("#totals"))) {
    r0 = first;
    r1 = last;
  } else {
    const headers = items.has("#headers");
    const totals = items.has("#totals");
    const data = items.has("#data") || (!headers && !totals);
    if ((headers && !table.headerRow) || (totals && !table.totalsRow)) return undefined;
    r0 = headers ? first : data ? dataFirst : last;
    r1 = totals ? last : data ? dataLast : first;
    if (r1 < r0) return undefined; // a table with no data rows
  }
  return rangeText(table.sheet, r0, table.col + c0, r1, table.col + c1);
}

function tableAt(tables: readonly TableDef[], at: FormulaPlace): TableDef | undefined {
  return tables.find(
    (t) =>
      t.sheet === at.sheet &&
      at.row >= t.row &&
      at.row < t.row + t.rows &&
      at.col >= t.col &&
      at.col < t.col + t.columns.length
  );
}

/** Rewrites every structured reference the tables resolve; the rest is left as written. */
export function resolveStructuredRefs(
  formula: string,
  tables: readonly TableDef[],
  at: FormulaPlace
): string {
  if (tables.length === 0) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  return mapCode(formula, (code) => {
    let out = "";
    let i = 0;
    const name =
      /(?<![\w.$\]\\])([A-Za-z_\\][\w.\\]*)?(\[)|(?<![\w.$\]\\'!])([A-Za-z_\\][\w.\\]*)(?![\w.\\([!])/g;
    let m: RegExpExecArray | null;
    while ((m = name.exec(code))) {
      if (m[2] === "[") {
        const open = m.index + (m[1]?.length ?? 0);
        const end = closing(code, open);
        if (end < 0) break;
        const table = m[1] ? byName.get(m[1].toLowerCase()) : tableAt(tables, at);
        const spec = parseSpec(code.slice(open + 1, end));
        const range = table && spec ? resolve(table, spec, at) : undefined;
        if (range) {
          out += code.slice(i, m.index) + range;
          i = end + 1;
        }
        name.lastIndex = end + 1;
      } else if (m[3] && byName.has(m[3].toLowerCase())) {
        const range = resolve(byName.get(m[3].toLowerCase())!, { items: new Set() }, at);
        if (range) {
          out += code.slice(i, m.index) + range;
          i = m.index + m[3].length;
        }
      }
    }
    return out + code.slice(i);
  });
}

/**
 * Whole-column references (A:A, $B:$D, Sheet!C:C) → the same columns over rows 1..`rows`
 * (the rows the workbook uses): blank rows below add nothing to any function. With `name`,
 * each such range (its sheet written out, `sheet` for an unqualified one) is replaced by the
 * name `name` gives it: the engine then links the range once, not once per formula.
 */
export function clipWholeColumns(
  formula: string,
  rows: number,
  name?: (range: string) => string,
  sheet?: string
): string {
  const last = Math.max(1, rows);
  const column =
    /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?<![\w.$:\]])\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w.(!:[])/g;
  return formula.replace(
    column,
    (whole, prefix: string | undefined, a: string, b: string, at: number) => {
      if (insideQuotes(formula, at)) return whole; // text, not a reference
      const range = `$${a.toUpperCase()}$1:$${b.toUpperCase()}$${last}`;
      if (!name) return `${prefix ?? ""}${range}`;
      const owner = prefix ?? (sheet === undefined ? "" : `${quoteSheet(sheet)}!`);
      return name(`${owner}${range}`);
    }
  );
}

/** The arguments of the call whose "(" is at `open`, and the index of its ")"; quotes respected. */
function callArgs(text: string, open: number): { args: string[]; close: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      i = end; // a doubled quote re-enters here and continues the quoted part
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i));
        return { args, close: i };
      }
    } else if (ch === "," && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

const escapeName = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces the LET name `name` (written `_xlpm.name` in files, or bare) by `(value)` outside quotes. */
function substitute(text: string, name: string, value: string): string {
  const bare = name.replace(/^_xlpm\./i, "");
  const token = new RegExp(`(?<![\\w.$])(?:_xlpm\\.)?${escapeName(bare)}(?![\\w.(!$[])`, "gi");
  return mapCode(text, (code) => code.replace(token, () => `(${value})`));
}

/**
 * LET(name1, value1, ..., calculation) → the calculation with each name replaced by its value
 * (innermost LET first), which computes the same for Excel's pure functions. Undefined when a
 * LET cannot be read (it is then reported unsupported).
 */
export function expandLet(formula: string): string | undefined {
  let text = formula;
  const call = /(?<![\w.$])(?:_xlfn\.)?LET\s*\(/gi;
  for (let guard = 0; guard < 100; guard++) {
    let last: RegExpExecArray | undefined;
    for (const m of text.matchAll(call)) if (!insideQuotes(text, m.index)) last = m;
    if (!last) return text;
    const open = last.index + last[0].length - 1;
    const parsed = callArgs(text, open);
    if (!parsed || parsed.args.length < 3 || parsed.args.length % 2 === 0) return undefined;
    const args = parsed.args.map((a) => a.trim());
    const names = args.filter((_, i) => i % 2 === 0 && i < args.length - 1);
    if (names.some((n) => !/^(?:_xlpm\.)?[A-Za-z_][\w.]*$/i.test(n))) return undefined;
    const values: string[] = [];
    for (let i = 0; i < names.length; i++) {
      let value = args[2 * i + 1];
      for (let j = 0; j < i; j++) value = substitute(value, names[j], values[j]);
      values.push(value);
    }
    let body = args[args.length - 1];
    names.forEach((n, i) => (body = substitute(body, n, values[i])));
    text = `${text.slice(0, last.index)}(${body})${text.slice(parsed.close + 1)}`;
  }
  return undefined;
}

/** True when position `at` lies inside a "..." string or a '...' sheet name. */
function insideQuotes(text: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  return quote !== undefined;
}

/** Argument positions (0-based) holding a criterion, per conditional function. */
const CRITERIA: Record<string, (i: number) => boolean> = {
  SUMIF: (i) => i === 1,
  COUNTIF: (i) => i === 1,
  AVERAGEIF: (i) => i === 1,
  COUNTIFS: (i) => i % 2 === 1,
  SUMIFS: (i) => i >= 2 && i % 2 === 0,
  AVERAGEIFS: (i) => i >= 2 && i % 2 === 0,
  MAXIFS: (i) => i >= 2 && i % 2 === 0,
  MINIFS: (i) => i >= 2 && i % 2 === 0,
};

const SINGLE_CELL = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+$/;

/**
 * A criterion that is a reference to one cell, in SUMIFS, COUNTIFS and the like, is read as 0
 * when the cell is empty, as Excel documents ("treats the empty cell as a 0 value");
 * HyperFormula answers #VALUE!. Such a criterion `C5` is written `IF(ISBLANK(C5),0,C5)`.
 */
export function blankCriteriaAsZero(formula: string): string {
  const call =
    /(?<![\w.$])(?:_xlfn\.)?(SUMIFS|COUNTIFS|AVERAGEIFS|MAXIFS|MINIFS|SUMIF|COUNTIF|AVERAGEIF)\s*\(/gi;
  const matches = [...formula.matchAll(call)].filter((m) => !insideQuotes(formula, m.index));
  let text = formula;
  for (const m of matches.reverse()) {
    const open = m.index + m[0].length - 1;
    const parsed = callArgs(text, open);
    if (!parsed) continue;
    const isCriterion = CRITERIA[m[1].toUpperCase()];
    let changed = false;
    const args = parsed.args.map((arg, i) => {
      const ref = arg.trim();
      if (!isCriterion(i) || !SINGLE_CELL.test(ref)) return arg;
      changed = true;
      return `IF(ISBLANK(${ref}),0,${ref})`;
    });
    if (changed) text = `${text.slice(0, open + 1)}${args.join(",")}${text.slice(parsed.close)}`;
  }
  return text;
}
