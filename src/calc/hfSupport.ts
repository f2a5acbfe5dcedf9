/**
 * What the headless engine cannot recompute faithfully, found before and after evaluation, so
 * `calc` never prints a value it cannot stand behind:
 *
 * - before: functions HyperFormula does not have (compared with its registered function ids,
 *   the COMP catalogue included), structured references to Excel tables, references to other
 *   workbooks, what-if data tables, GETPIVOTDATA;
 * - after: formulas HyperFormula cannot parse (e.g. OFFSET with computed arguments), circular
 *   references the file does not ask to iterate, names it cannot resolve;
 * - then every formula that depends, directly or through ranges, on such a cell.
 */
import {
  DetailedCellError,
  ErrorType,
  HyperFormula,
  type CellValue,
  type SimpleCellAddress,
  type SimpleCellRange,
} from "hyperformula";
import { FILTER_EMPTY } from "../functions/hfExcelFunctions";
import { mapCode } from "../functions/formulaText";

/** Why a formula is not recomputed: `cause` groups cells for the count, `what` names this one. */
export interface Unsupported {
  cause: string;
  what: string;
}

const SPECIAL: Record<string, Unsupported> = {
  TABLE: { cause: "what-if data table", what: "what-if data table (TABLE)" },
  GETPIVOTDATA: { cause: "GETPIVOTDATA", what: "GETPIVOTDATA (reads a pivot table)" },
  SINGLE: { cause: "implicit intersection (@)", what: "implicit intersection (@)" },
  ANCHORARRAY: { cause: "spill reference (#)", what: "spill reference (A1#)" },
  // A new number on every calculation: never Excel's, and nothing depending on it would be.
  RAND: { cause: "random number", what: "random number (RAND)" },
  RANDBETWEEN: { cause: "random number", what: "random number (RANDBETWEEN)" },
  RANDARRAY: { cause: "random number", what: "random number (RANDARRAY)" },
};

let known: Set<string> | undefined;

/** Upper-case ids of every function HyperFormula evaluates (built-ins, COMP, overrides). */
function knownFunctions(): Set<string> {
  // Read once the plugins are registered (createEngine registers them before any use here).
  known ??= new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  return known;
}

/** For tests: forget the cached function list (after registering a plugin). */
export function resetKnownFunctions(): void {
  known = undefined;
}

/** Function names called in a formula's code (quoted parts skipped), upper-case, in order. */
export function calledFunctions(formula: string): string[] {
  const names: string[] = [];
  mapCode(formula, (code) => {
    for (const m of code.matchAll(/(?<![\w.$!\]])([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g))
      names.push(m[1].toUpperCase());
    return code;
  });
  return names;
}

/**
 * What in this formula (already normalised for HyperFormula, structured references already
 * rewritten where they could be) the engine cannot compute, or undefined.
 */
export function staticProblem(formula: string): Unsupported | undefined {
  let bracket: Unsupported | undefined;
  mapCode(formula, (code) => {
    if (bracket || !code.includes("[")) return code;
    bracket = /\[\d+\]/.test(code)
      ? { cause: "reference to another workbook", what: "reference to another workbook" }
      : {
          cause: "structured reference to a table",
          what: `structured reference ${(/[\w.]*\[[^\]]*\]?[^,)]*/.exec(code) ?? [""])[0]}`,
        };
    return code;
  });
  if (bracket) return bracket;
  const functions = knownFunctions();
  for (const name of calledFunctions(formula)) {
    if (SPECIAL[name]) return SPECIAL[name];
    if (!functions.has(name)) return { cause: `function ${name}`, what: `function ${name}` };
  }
  return undefined;
}

/** What the engine's value says it could not do with the formula itself, or undefined. */
export function valueProblem(
  hf: HyperFormula,
  at: SimpleCellAddress,
  value: CellValue,
  iterative: boolean,
  formula = ""
): Unsupported | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  const message = (value.message ?? "").split("\n")[0];
  if (message === FILTER_EMPTY)
    return { cause: "FILTER with nothing left (#CALC!)", what: `${FILTER_EMPTY}` };
  // FILTER and UNIQUE reserve their input's size (the result's is known only once computed):
  // a cell in that area blocks them where Excel's smaller result fits.
  if (value.type === ErrorType.SPILL && /(?<![\w.])(?:FILTER|UNIQUE)\s*\(/i.test(formula))
    return {
      cause: "FILTER/UNIQUE spill area",
      what: "FILTER/UNIQUE: the engine reserves the whole input's size and something is in the way",
    };
  if (value.type === ErrorType.ERROR && value.address === undefined) {
    if (/OFFSET/i.test(message))
      return { cause: "OFFSET with computed arguments", what: `OFFSET: ${message}` };
    return { cause: "formula the engine cannot parse", what: `cannot parse: ${message}` };
  }
  const own = value.address === hf.simpleCellAddressToString(at, { includeSheetName: true });
  // A cell on the cycle (cells that merely depend on one are reported as dependents).
  if (value.type === ErrorType.CYCLE && own)
    return iterative
      ? { cause: "circular reference", what: "circular reference through an array formula" }
      : {
          cause: "circular reference",
          what: "circular reference (the file does not enable iterative calculation)",
        };
  if (value.type === ErrorType.NAME && own && !/Function name/i.test(message))
    return { cause: "name the engine cannot resolve", what: message || "unknown name" };
  return undefined;
}

type Item = SimpleCellAddress | SimpleCellRange;

const isRange = (item: Item): item is SimpleCellRange => "start" in item;

function itemKey(item: Item): string {
  return isRange(item)
    ? `${item.start.sheet}:${item.start.row},${item.start.col}:${item.end.row},${item.end.col}`
    : `${item.sheet}:${item.row},${item.col}`;
}

/**
 * Marks every formula that depends on an unsupported one (directly, through a range, or
 * through another dependent) as unsupported too, naming the cell it comes from. `origins`
 * maps "sheet:row,col" of each unsupported formula to its label ("Sheet!A1"); `isFormula`
 * tells whether a cell key holds a formula; `mark` is called once per newly unsupported cell.
 */
export function propagate(
  hf: HyperFormula,
  origins: { at: SimpleCellAddress; label: string }[],
  isFormula: (key: string) => boolean,
  mark: (key: string, origin: string) => void
): void {
  const seen = new Set<string>(origins.map((o) => itemKey(o.at)));
  const queue: { item: Item; origin: string }[] = origins.map((o) => ({
    item: o.at,
    origin: o.label,
  }));
  for (let i = 0; i < queue.length; i++) {
    const { item, origin } = queue[i];
    let dependents: Item[];
    try {
      dependents = hf.getCellDependents(item);
    } catch {
      continue; // an address the engine does not know (outside the sheet) has no dependents
    }
    for (const dependent of dependents) {
      const key = itemKey(dependent);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!isRange(dependent) && isFormula(key)) mark(key, origin);
      queue.push({ item: dependent, origin });
    }
  }
}
