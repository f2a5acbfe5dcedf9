/**
 * Excel functions HyperFormula 3.5 lacks or computes differently, registered as one function
 * plugin for the headless engine (`calc`):
 *
 * - XMATCH, LOOKUP (vector and array forms), SORTBY, CONCAT, RANK, RANK.EQ, RANK.AVG: missing
 *   from HyperFormula;
 * - XNPV: HyperFormula's answers #VALUE! for dates computed by formulas (DATE(), EOMONTH());
 * - FILTER: HyperFormula's filters one-row or one-column arrays only and has no if_empty;
 * - INDEX: as Excel, one index into a one-row array picks the column (HyperFormula answers
 *   #NUM!), and a literal 0 row or column returns the whole column or row.
 *
 * Comparisons follow Excel: text without regard to case, and a number never equals text.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionMetadata,
  type ImplementedFunctions,
} from "hyperformula";

type Value = unknown;

interface Ast {
  type: string;
  value?: unknown;
  args: Ast[];
}

/** The protected helpers of FunctionPlugin a method uses. */
interface Internals {
  runFunction(
    args: Ast[],
    state: unknown,
    metadata: unknown,
    fn: (...args: never[]) => unknown
  ): unknown;
  metadata(id: string): unknown;
  arraySizeForAst(ast: Ast, state: unknown): ArraySize;
}

/** HyperFormula's dates, percents and currencies carry the plain number in `val`. */
function raw(value: Value): Value {
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number"
  )
    return (value as { val: number }).val;
  return value;
}

type Kind = "number" | "text" | "logical" | "error" | "empty";

function kindOf(value: Value): Kind {
  if (value === EmptyValue || value === undefined || value === null) return "empty";
  if (value instanceof CellError) return "error";
  switch (typeof value) {
    case "number":
      return "number";
    case "string":
      return "text";
    case "boolean":
      return "logical";
    default:
      return "error";
  }
}

/** a − b as a sign for two values of the same kind (text without regard to case), else undefined. */
export function compareSameKind(a: Value, b: Value): number | undefined {
  const x = raw(a);
  const y = raw(b);
  const kind = kindOf(x);
  if (kind !== kindOf(y) || kind === "error" || kind === "empty") return undefined;
  if (kind === "text") {
    const p = (x as string).toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

/** Excel's wildcards: * any run, ? one character, ~ escapes the next one. */
function wildcard(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) source += escape(pattern[++i]);
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escape(ch);
  }
  return new RegExp(`^${source}$`, "i");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A one-row or one-column range as a list, or undefined for a 2-D range. */
function vector(range: SimpleRangeValue): Value[] | undefined {
  const data = range.data as Value[][];
  if (range.height() === 1) return data[0];
  if (range.width() === 1) return data.map((row) => row[0]);
  return undefined;
}

/**
 * XMATCH's position (1-based) of `lookup` in `values`, or 0 when there is none.
 * matchMode: 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard;
 * searchMode: 1 first to last, -1 last to first, ±2 binary search (same answer on sorted data).
 */
export function xmatchPosition(
  lookup: Value,
  values: readonly Value[],
  matchMode: number,
  searchMode: number
): number {
  const order =
    searchMode === -1 || searchMode === -2 ? [...values.keys()].reverse() : [...values.keys()];
  const pattern = matchMode === 2 && typeof lookup === "string" ? wildcard(lookup) : undefined;
  let best = -1;
  for (const i of order) {
    const candidate = values[i];
    if (pattern) {
      if (typeof candidate === "string" && pattern.test(candidate)) return i + 1;
      continue;
    }
    const cmp = compareSameKind(candidate, lookup);
    if (cmp === undefined) continue;
    if (cmp === 0) return i + 1;
    if (matchMode === -1 && cmp < 0 && (best < 0 || compareSameKind(candidate, values[best])! > 0))
      best = i;
    if (matchMode === 1 && cmp > 0 && (best < 0 || compareSameKind(candidate, values[best])! < 0))
      best = i;
  }
  return best + 1;
}

/**
 * LOOKUP's position: the last value not greater than `lookup` (of its kind) in a list Excel
 * expects sorted ascending, as its binary search finds it on sorted data; 0 when none.
 */
export function lookupPosition(lookup: Value, values: readonly Value[]): number {
  let found = -1;
  values.forEach((value, i) => {
    const cmp = compareSameKind(value, lookup);
    if (cmp !== undefined && cmp <= 0) found = i;
  });
  return found + 1;
}

const notFound = () => new CellError(ErrorType.NA, "No match found");
const notVector = () => new CellError(ErrorType.VALUE, "A one-row or one-column range is expected");

function scalarOf(value: Value): Value {
  return value instanceof SimpleRangeValue ? (value.data as Value[][])[0]?.[0] : value;
}

function asRange(value: Value): SimpleRangeValue {
  return value instanceof SimpleRangeValue
    ? value
    : SimpleRangeValue.onlyValues([[value as never]]);
}

const isLiteralZero = (ast: Ast | undefined) =>
  ast !== undefined && ast.type === "NUMBER" && ast.value === 0;

/**
 * RANK / RANK.EQ (ties share the best rank) and RANK.AVG (ties share their average rank) of a
 * number among the numbers of a range: descending unless `order` is non-zero; #N/A when the
 * number is not among them.
 */
function rankMethod(
  plugin: FunctionPlugin,
  ast: Ast,
  state: unknown,
  id: string,
  average: boolean
) {
  const self = plugin as unknown as Internals;
  return self.runFunction(ast.args, state, self.metadata(id), ((
    value: number,
    range: SimpleRangeValue,
    order: number
  ) => {
    let before = 0;
    let ties = 0;
    for (const row of range.data as Value[][])
      for (const cell of row) {
        const v = raw(cell);
        if (typeof v !== "number") continue;
        if (v === value) ties++;
        else if (order === 0 ? v > value : v < value) before++;
      }
    if (ties === 0) return new CellError(ErrorType.NA, "The number is not in the list");
    return average ? before + (ties + 1) / 2 : before + 1;
  }) as never);
}

/** INDEX's result shape known before evaluation: a literal 0 (or no column of a 2-D array) takes it all. */
function indexShape(
  height: number,
  width: number,
  rowZero: boolean,
  colZero: boolean,
  noColumn: boolean
): { rows: number; cols: number } {
  return {
    rows: rowZero ? height : 1,
    cols: colZero || (noColumn && height > 1 && width > 1) ? width : 1,
  };
}

type Method = (this: FunctionPlugin, ast: Ast, state: unknown) => unknown;

/** A plugin method running `impl` on the arguments HyperFormula coerces by `id`'s metadata. */
function method(id: string, impl: (...args: never[]) => unknown): Method {
  return function (ast, state) {
    const self = this as unknown as Internals;
    return self.runFunction(ast.args, state, self.metadata(id), impl as never);
  };
}

const methods: Record<string, Method> = {
  xmatch: method(
    "XMATCH",
    (lookup: Value, range: SimpleRangeValue, matchMode: number, searchMode: number) => {
      if (![0, -1, 1, 2].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode))
        return new CellError(ErrorType.VALUE, "Bad match_mode or search_mode");
      const values = vector(range);
      if (!values) return notVector();
      const position = xmatchPosition(raw(lookup), values, matchMode, searchMode);
      return position ? position : notFound();
    }
  ),

  lookup: method("LOOKUP", (lookup: Value, first: SimpleRangeValue, result?: SimpleRangeValue) => {
    const data = first.data as Value[][];
    let keys: Value[];
    let answers: Value[];
    if (result !== undefined) {
      const k = vector(first);
      const r = vector(result);
      if (!k || !r) return notVector();
      keys = k;
      answers = r;
    } else if (first.width() > first.height()) {
      // Array form: search the first row, answer from the last row.
      keys = data[0];
      answers = data[data.length - 1];
    } else {
      keys = data.map((row) => row[0]);
      answers = data.map((row) => row[row.length - 1]);
    }
    const position = lookupPosition(raw(lookup), keys);
    if (!position) return notFound();
    if (position > answers.length) return notFound();
    const answer = answers[position - 1];
    return answer === EmptyValue ? 0 : answer;
  }),

  sortby: method("SORTBY", (array: Value, ...rest: Value[]) => {
    const range = asRange(array);
    const data = range.data as Value[][];
    const keys: { values: Value[]; order: number; byRow: boolean }[] = [];
    for (let i = 0; i < rest.length; i += 2) {
      const by = asRange(rest[i]);
      const order = rest[i + 1] === undefined ? 1 : Number(raw(scalarOf(rest[i + 1])));
      if (order !== 1 && order !== -1)
        return new CellError(ErrorType.VALUE, "sort_order must be 1 or -1");
      const byRows = by.width() === 1 && by.height() === range.height();
      const byCols = by.height() === 1 && by.width() === range.width() && !byRows;
      if (!byRows && !byCols)
        return new CellError(
          ErrorType.VALUE,
          "by_array must be one row or column of the array's size"
        );
      keys.push({ values: vector(by)!, order, byRow: byRows });
    }
    for (const row of data) for (const value of row) if (value instanceof CellError) return value;
    const byRow = keys.length === 0 || keys[0].byRow;
    if (keys.some((k) => k.byRow !== byRow))
      return new CellError(ErrorType.VALUE, "by_arrays must all be rows or all columns");
    const count = byRow ? range.height() : range.width();
    const positions = [...Array(count).keys()];
    // A stable sort: ties keep the array's order. Blanks go last, as in Excel.
    positions.sort((a, b) => {
      for (const key of keys) {
        const x = key.values[a];
        const y = key.values[b];
        const ex = kindOf(x) === "empty";
        const ey = kindOf(y) === "empty";
        if (ex || ey) {
          if (ex !== ey) return ex ? 1 : -1;
          continue;
        }
        const cmp = compareAny(x, y);
        if (cmp !== 0) return cmp * key.order;
      }
      return a - b;
    });
    const sorted = byRow
      ? positions.map((r) => data[r].slice())
      : data.map((row) => positions.map((c) => row[c]));
    return SimpleRangeValue.onlyValues(sorted as never);
  }),

  sortbySize(ast, state) {
    const self = this as unknown as Internals;
    if (ast.args.length < 2) return ArraySize.error();
    const size = self.arraySizeForAst(ast.args[0], state);
    return new ArraySize(size.width, size.height);
  },

  concat: method("CONCAT", (...parts: string[]) => "".concat(...parts)),

  xnpv: method("XNPV", (rate: number, values: SimpleRangeValue, dates: SimpleRangeValue) => {
    // Dates computed by DATE() and the like are rich numbers: read their plain value.
    const cash = (values.data as Value[][]).flat().map(raw);
    const days = (dates.data as Value[][]).flat().map(raw);
    for (const v of [...cash, ...days]) {
      if (v instanceof CellError) return v;
      if (typeof v !== "number") return new CellError(ErrorType.VALUE, "Number argument expected");
    }
    if (cash.length !== days.length)
      return new CellError(ErrorType.NUM, "values and dates differ in length");
    const start = Math.trunc(days[0] as number);
    let sum = 0;
    for (let i = 0; i < cash.length; i++) {
      const day = Math.trunc(days[i] as number);
      if (day < start) return new CellError(ErrorType.NUM, "A date precedes the first date");
      sum += (cash[i] as number) / Math.pow(1 + rate, (day - start) / 365);
    }
    return sum;
  }),

  filter: method(
    "FILTER",
    (array: SimpleRangeValue, include: SimpleRangeValue, ifEmpty?: Value) => {
      const data = array.data as Value[][];
      const marks = include.data as Value[][];
      const byRow = include.width() === 1 && include.height() === array.height();
      const byColumn = include.height() === 1 && include.width() === array.width();
      if (!byRow && !byColumn)
        return new CellError(
          ErrorType.VALUE,
          "include must be one column or row of the array's size"
        );
      const flags = byRow ? marks.map((r) => r[0]) : marks[0];
      const keep: number[] = [];
      for (let i = 0; i < flags.length; i++) {
        const flag = raw(flags[i]);
        if (flag instanceof CellError) return flag;
        if (typeof flag === "string") return new CellError(ErrorType.VALUE, "include holds text");
        if (flag === true || (typeof flag === "number" && flag !== 0)) keep.push(i);
      }
      if (keep.length === 0) {
        if (ifEmpty === undefined) return new CellError(ErrorType.VALUE, FILTER_EMPTY);
        return ifEmpty;
      }
      const rows = byRow ? keep.map((i) => data[i]) : data.map((row) => keep.map((j) => row[j]));
      return SimpleRangeValue.onlyValues(rows as never);
    }
  ),

  filterSize(ast, state) {
    const self = this as unknown as Internals;
    if (ast.args.length < 2) return ArraySize.error();
    // The result's size is known only once computed: the array's size is reserved.
    const size = self.arraySizeForAst(ast.args[0], { ...(state as object), arraysFlag: true });
    return new ArraySize(size.width, size.height);
  },

  rank(ast, state) {
    return rankMethod(this, ast, state, "RANK", false);
  },

  rankEq(ast, state) {
    return rankMethod(this, ast, state, "RANK.EQ", false);
  },

  rankAvg(ast, state) {
    return rankMethod(this, ast, state, "RANK.AVG", true);
  },

  index(ast, state) {
    const self = this as unknown as Internals;
    const rowLiteralZero = isLiteralZero(ast.args[1]);
    const colLiteralZero = isLiteralZero(ast.args[2]);
    return self.runFunction(ast.args, state, self.metadata("INDEX"), ((
      range: SimpleRangeValue,
      rowArg: number,
      colArg?: number
    ) => {
      const data = range.data as Value[][];
      const height = range.height();
      const width = range.width();
      let row = Math.trunc(rowArg);
      let col = colArg === undefined ? undefined : Math.trunc(colArg);
      // One index into a one-row array counts columns (Excel: row_num or column_num is
      // optional when the array has one row or column).
      if (col === undefined) {
        if (height === 1 && width > 1) {
          col = row;
          row = 1;
        } else col = width === 1 ? 1 : 0;
      }
      if (row < 0 || col < 0) return new CellError(ErrorType.VALUE, "Index below zero");
      if (row > height || col > width)
        return new CellError(ErrorType.REF, "Index outside the array");
      const wholeColumn = row === 0;
      const wholeRow = col === 0;
      if (wholeColumn || wholeRow) {
        // The spill size was fixed before evaluation from the literal arguments.
        const expected = indexShape(
          height,
          width,
          rowLiteralZero,
          colLiteralZero,
          colArg === undefined
        );
        const rows = wholeColumn ? height : 1;
        const cols = wholeRow ? width : 1;
        if (rows !== expected.rows || cols !== expected.cols)
          return new CellError(ErrorType.VALUE, "INDEX with a computed 0 index");
        const picked = wholeColumn ? data : [data[row - 1]];
        const out = picked.map((r) => (wholeRow ? r.slice() : [r[col! - 1]]));
        if (rows === 1 && cols === 1) return out[0][0] === EmptyValue ? 0 : out[0][0];
        return SimpleRangeValue.onlyValues(out as never);
      }
      const value = data[row - 1][col - 1];
      return value === EmptyValue ? 0 : value;
    }) as never);
  },

  indexSize(ast, state) {
    const self = this as unknown as Internals;
    if (ast.args.length < 2) return ArraySize.scalar();
    const size = self.arraySizeForAst(ast.args[0], state);
    const shape = indexShape(
      size.height,
      size.width,
      isLiteralZero(ast.args[1]),
      isLiteralZero(ast.args[2]),
      ast.args.length === 2
    );
    return new ArraySize(shape.cols, shape.rows);
  },
};

/** Excel's sort order across kinds: numbers, then text, then logicals, then errors. */
function compareAny(a: Value, b: Value): number {
  const rank: Record<Kind, number> = { number: 0, text: 1, logical: 2, error: 3, empty: 4 };
  const ka = kindOf(raw(a));
  const kb = kindOf(raw(b));
  if (ka !== kb) return rank[ka] - rank[kb];
  return compareSameKind(a, b) ?? 0;
}

/** Parameter types of the plugin's functions, spread to add a default or optionalArg. */
const ANY = { argumentType: FunctionArgumentType.ANY };
const NOERROR = { argumentType: FunctionArgumentType.NOERROR };
const NUMBER = { argumentType: FunctionArgumentType.NUMBER };
const RANGE = { argumentType: FunctionArgumentType.RANGE };
const STRING = { argumentType: FunctionArgumentType.STRING };
/** Arguments such as 1/(A1:A9<>"") are computed as arrays, as Excel does. */
const ARRAY_ARGUMENTS = { enableArrayArithmeticForArguments: true } as const;

/** FILTER with nothing left and no if_empty: Excel's #CALC!, an error the engine lacks. */
export const FILTER_EMPTY = "FILTER left nothing and has no if_empty (Excel shows #CALC!)";

const RANK_PARAMETERS = [NUMBER, RANGE, { ...NUMBER, defaultValue: 0 }];

class ExcelFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    XMATCH: {
      method: "xmatch",
      ...ARRAY_ARGUMENTS,
      parameters: [NOERROR, RANGE, { ...NUMBER, defaultValue: 0 }, { ...NUMBER, defaultValue: 1 }],
    },
    LOOKUP: {
      method: "lookup",
      ...ARRAY_ARGUMENTS,
      parameters: [NOERROR, RANGE, { ...RANGE, optionalArg: true }],
    },
    SORTBY: {
      method: "sortby",
      sizeOfResultArrayMethod: "sortbySize",
      parameters: [ANY, ANY, { ...ANY, optionalArg: true }],
      repeatLastArgs: 2,
      ...ARRAY_ARGUMENTS,
      vectorizationForbidden: true,
    },
    XNPV: {
      method: "xnpv",
      parameters: [NUMBER, RANGE, RANGE],
      vectorizationForbidden: true,
    },
    FILTER: {
      method: "filter",
      sizeOfResultArrayMethod: "filterSize",
      parameters: [RANGE, RANGE, { ...ANY, optionalArg: true }],
      ...ARRAY_ARGUMENTS,
      vectorizationForbidden: true,
    },
    RANK: { method: "rank", parameters: RANK_PARAMETERS },
    "RANK.EQ": { method: "rankEq", parameters: RANK_PARAMETERS },
    "RANK.AVG": { method: "rankAvg", parameters: RANK_PARAMETERS },
    CONCAT: {
      method: "concat",
      parameters: [STRING],
      repeatLastArgs: 1,
      expandRanges: true,
    },
    INDEX: {
      method: "index",
      ...ARRAY_ARGUMENTS,
      sizeOfResultArrayMethod: "indexSize",
      parameters: [RANGE, NUMBER, { ...NUMBER, optionalArg: true }],
      vectorizationForbidden: true,
    },
  };
}

for (const [name, method] of Object.entries(methods)) {
  // HyperFormula requires each method to be an own property of the plugin's prototype.
  Object.defineProperty(ExcelFunctionsPlugin.prototype, name, {
    value: method,
    writable: true,
    configurable: true,
  });
}

let done = false;

type AnyMethod = (this: FunctionPlugin, ...args: unknown[]) => unknown;

/**
 * XLOOKUP with an empty optional argument (`XLOOKUP(x,a,b,,1)`) reads it as omitted, as Excel
 * does (#N/A when nothing matches); HyperFormula reads an empty if_not_found as a blank (0).
 * Re-registers HyperFormula's own XLOOKUP with that one change.
 */
function registerExcelXlookup(): void {
  const builtIn = HyperFormula.getFunctionPlugin("XLOOKUP");
  const found: FunctionMetadata | undefined = builtIn?.implementedFunctions.XLOOKUP;
  if (!builtIn || !found?.parameters) return;
  const metadata: FunctionMetadata = found;
  const parameters = found.parameters;
  // Extends HyperFormula's own lookup plugin: XLOOKUP's body calls its helper methods.
  const Base = builtIn as unknown as typeof FunctionPlugin;
  class ExcelXlookupPlugin extends Base {
    static override aliases = {};
    static override implementedFunctions: ImplementedFunctions = {
      XLOOKUP: {
        ...metadata,
        parameters: parameters.map((p, i) => (i >= 3 ? { ...p, emptyAsDefault: true } : p)),
      },
    };
  }
  // The evaluating and the sizing methods, as own properties of the new plugin's prototype.
  for (const name of [metadata.method, metadata.sizeOfResultArrayMethod]) {
    if (!name) continue;
    const method = (builtIn.prototype as unknown as Record<string, AnyMethod>)[name];
    Object.defineProperty(ExcelXlookupPlugin.prototype, name, {
      value: function (this: FunctionPlugin, ...args: unknown[]) {
        return method.apply(this, args);
      },
      writable: true,
      configurable: true,
    });
  }
  HyperFormula.registerFunctionPlugin(ExcelXlookupPlugin);
}

/** Registers the plugin once (its INDEX replaces HyperFormula's), and Excel's XLOOKUP. */
export function registerExcelFunctions(): void {
  if (done) return;
  done = true;
  registerExcelXlookup();
  // A function is evaluated only under a name with a translation; the English one everywhere.
  const names = Object.fromEntries(
    Object.keys(ExcelFunctionsPlugin.implementedFunctions).map((id) => [id, id])
  );
  const translations = Object.fromEntries(
    HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])
  );
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin, translations);
}
