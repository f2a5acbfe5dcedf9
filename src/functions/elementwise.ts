/**
 * Element-wise evaluation: each element-wise argument is a single value or a range, single
 * values broadcast, every range must have the same shape, and the result has that shape. A bad
 * element gives an error in that element only. This is the hot loop of every spilled COMP call,
 * so it allocates one row array per result row and nothing per element.
 */
import { CompError, numError, valueError } from "../engine/errors";
import { isBlank, notANumber, shapeOf } from "./args";
import type { Shape } from "./spec";
import type { Arg, Cell } from "./values";

/** What a blank element means: 0, "absent" (NaN is passed on), or an error. */
export type BlankPolicy = "zero" | "absent" | CompError;

export interface ElementArg {
  arg: Arg;
  name: string;
  blank: BlankPolicy;
}

export type Matrix = (number | CompError)[][];

/** The common shape of element-wise arguments (absent ones are skipped), or null when they clash. */
export function broadcastShape(shapes: (Shape | undefined)[]): Shape | null {
  let shape: Shape = { rows: 1, cols: 1 };
  for (const s of shapes) {
    if (!s || s.rows * s.cols <= 1) continue;
    if (shape.rows * shape.cols === 1) shape = s;
    else if (s.rows !== shape.rows || s.cols !== shape.cols) return null;
  }
  return shape;
}

function toNumber(cell: Cell | undefined, spec: ElementArg): number | CompError {
  if (typeof cell === "number") return cell;
  if (isBlank(cell)) return spec.blank === "zero" ? 0 : spec.blank === "absent" ? NaN : spec.blank;
  if (cell instanceof CompError) return cell;
  return notANumber(spec.name, cell);
}

type Element = number | CompError;

/** Excel holds no infinities: a result that overflowed the double range is #NUM!. */
export function finite(value: Element): Element {
  return typeof value === "number" && !(value - value === 0) ? OVERFLOW : value;
}
const OVERFLOW = numError("the result is too large for a number in Excel");

/**
 * The per-element function: the element's numbers in argument order (NaN for an "absent"
 * blank; positions past the last argument are 0). Positional arguments keep the hot loop free
 * of per-element allocation and array reads.
 */
export type ElementFn = (a: number, b: number, c: number, d: number, e: number) => Element;

/**
 * The cells of a single column (n × 1, the shape Excel passes most) or a single row (1 × n), in
 * order, without copying: element k of a column is arg[k][0], of a row arg[0][k].
 */
interface Vector {
  arg: Cell[][];
  column: boolean;
  length: number;
}

const vectorOf = (arg: Cell[][]): Vector => ({
  arg,
  column: arg.length > 1,
  length: arg.length > 1 ? arg.length : arg[0].length,
});

/** The result in the vector's shape, filled element by element (no second pass for columns). */
class VectorResult {
  readonly matrix: Matrix;
  private readonly row: Element[];

  constructor(
    private readonly column: boolean,
    length: number
  ) {
    this.row = column ? [] : new Array(length);
    this.matrix = column ? new Array(length) : [this.row];
  }

  set(k: number, value: Element) {
    if (this.column) this.matrix[k] = [value];
    else this.row[k] = value;
  }
}

/** One vector of numbers in, the same shape out. */
function mapVector1(v: Vector, spec: ElementArg, fn: ElementFn): Matrix {
  const { arg, column, length } = v;
  const row0 = arg[0];
  const out = new VectorResult(column, length);
  for (let k = 0; k < length; k++) {
    const cell = column ? arg[k][0] : row0[k];
    if (typeof cell === "number") out.set(k, finite(fn(cell, 0, 0, 0, 0)));
    else {
      const x = toNumber(cell, spec);
      out.set(k, typeof x === "number" ? finite(fn(x, 0, 0, 0, 0)) : x);
    }
  }
  return out.matrix;
}

/** Two vectors of the same shape in, one out (ATTAINMENT, PAYOUT, MODIFIER over a table of reps). */
function mapVector2(
  a: Vector,
  b: Vector,
  specA: ElementArg,
  specB: ElementArg,
  fn: ElementFn
): Matrix {
  const { column, length } = a;
  const rowA = a.arg[0];
  const rowB = b.arg[0];
  const out = new VectorResult(column, length);
  for (let k = 0; k < length; k++) {
    const x = column ? a.arg[k][0] : rowA[k];
    const y = column ? b.arg[k][0] : rowB[k];
    if (typeof x === "number" && typeof y === "number") out.set(k, finite(fn(x, y, 0, 0, 0)));
    else {
      const vx = typeof x === "number" ? x : toNumber(x, specA);
      const vy = typeof y === "number" ? y : toNumber(y, specB);
      out.set(
        k,
        typeof vx !== "number" ? vx : typeof vy !== "number" ? vy : finite(fn(vx, vy, 0, 0, 0))
      );
    }
  }
  return out.matrix;
}

/** Applies `fn` to every element (at most five element-wise arguments). */
export function mapElements(specs: ElementArg[], fn: ElementFn): Matrix | CompError {
  const shapes = specs.map((s) => (s.arg && s.arg.length ? shapeOf(s.arg) : undefined));
  const shape = broadcastShape(shapes);
  if (!shape) {
    const described = specs
      .map((s, i) => (shapes[i] ? `${s.name} is ${shapes[i]!.rows}×${shapes[i]!.cols}` : ""))
      .filter(Boolean)
      .join(", ");
    return valueError(`ranges given element by element must have the same shape (${described})`);
  }
  const k = specs.length;
  // A range is read element by element; a single value is converted once.
  const ranges = specs.map((s, i) =>
    shapes[i] && shapes[i]!.rows * shapes[i]!.cols > 1 ? s.arg! : null
  );
  const constants = specs.map((s, i) => (ranges[i] ? 0 : toNumber(s.arg?.[0]?.[0], s)));
  if (shape.cols === 1 || shape.rows === 1) {
    if (k === 1 && ranges[0]) return mapVector1(vectorOf(ranges[0]), specs[0], fn);
    if (k === 2 && ranges[0] && ranges[1])
      return mapVector2(vectorOf(ranges[0]), vectorOf(ranges[1]), specs[0], specs[1], fn);
  }
  const v = new Float64Array(5);
  const out: Matrix = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: Element[] = shape.cols === 1 ? [0] : new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      let error: CompError | null = null;
      for (let i = 0; i < k; i++) {
        const range = ranges[i];
        const x = range ? range[r][c] : constants[i];
        const value = typeof x === "number" ? x : toNumber(x as Cell, specs[i]);
        if (typeof value === "number") v[i] = value;
        else error ??= value;
      }
      row[c] = error ?? finite(fn(v[0], v[1], v[2], v[3], v[4]));
    }
    out[r] = row;
  }
  return out;
}
