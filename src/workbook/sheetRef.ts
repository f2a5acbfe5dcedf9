/**
 * Sheet-qualified references as Excel writes them: `Matrix!C4`, `'Alignment View'!$A$1`,
 * `'Bob''s plan'!$A$2:$A$9` (a name is quoted when it is not a plain identifier, and an
 * apostrophe inside a quoted name is doubled). Used for ownership marks, validation sources and
 * the addresses `select` takes. A sheet deleted in Excel leaves `#REF!` in place of its name.
 */
import { parseRange, type RangePosition } from "./a1";

export interface SheetRef {
  /** The sheet's name (unquoted), or null when the reference names none ("C4"). */
  sheet: string | null;
  /** The cell or range part, e.g. "$A$1" or "C2:C200". */
  ref: string;
}

/**
 * True when Excel needs the sheet name in quotes inside a reference: anything but a plain
 * identifier (letters, digits, "_"; not starting with a digit; so spaces, "." and "'" need them),
 * and identifiers that read as a cell (`Q1`, `XFD3`) or an R1C1 reference (`R`, `C`, `R2C3`).
 */
export function needsQuotes(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return true;
  // Names that read as a cell (A1, XFD3) or an R1C1 reference (R, C, R2C3) are quoted too.
  return (
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) ||
    /^[Cc][0-9]*$/.test(name)
  );
}

/**
 * The one sheet-name quoting rule: `Matrix` → `Matrix`, `Alignment View` → `'Alignment View'`,
 * `Bob's` → `'Bob''s'`, `Q1` → `'Q1'`. With `always`, every name is quoted (`'Matrix'`), as
 * the calc command writes references for HyperFormula.
 */
export function quoteSheetName(name: string, always = false): string {
  return always || needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** `'Alignment View'!$A$1` from a sheet name and a cell or range. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/**
 * Splits `Sheet!ref` (a leading "=" is allowed, as Office.js returns names' formulas) into the
 * sheet's name and the reference; undefined when the text is not of that form. `#REF!$A$1`
 * gives sheet "#REF" with `deleted` true.
 */
export function parseSheetRef(text: string): (SheetRef & { deleted: boolean }) | undefined {
  const body = text.trim().replace(/^=/, "");
  if (body.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < body.length) {
      if (body[i] === "'") {
        if (body[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += body[i++];
    }
    if (body[i] !== "'" || body[i + 1] !== "!") return undefined;
    return { sheet: name, ref: body.slice(i + 2), deleted: false };
  }
  const bang = body.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: body, deleted: false };
  const sheet = body.slice(0, bang);
  return { sheet, ref: body.slice(bang + 1), deleted: sheet.toUpperCase() === "#REF" };
}

/** A sheet-qualified range such as `Objectives!$A$2:$A$200`, parsed; undefined if it is not one. */
export function parseQualifiedRange(
  text: string
): { sheet: string; range: RangePosition } | undefined {
  const parsed = parseSheetRef(text);
  if (!parsed || parsed.sheet === null || parsed.deleted) return undefined;
  const range = parseRange(parsed.ref);
  return range ? { sheet: parsed.sheet, range } : undefined;
}
