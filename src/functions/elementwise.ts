/**
 * Element-wise evaluation: each element-wise argument is a single value or a range, single
 * values broadcast, every range must have the same shape, and the result has that shape. A bad
 * element gives an error in that element only. This is the hot loop of every spilled COMP call,
 * so it allocates one row array per result row and nothing per element.
 */
import { CompError, valueError } from "../engine/errors";
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

/**
 * Applies `fn` to every element. `fn` receives the element's numbers in argument order in a
 * reused array (NaN for an "absent" blank) and returns a number or an error.
 */
export function mapElements(specs: ElementArg[], fn: (values: Float64Array) => number | CompError): Matrix | CompError {
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
  const values = new Float64Array(k);
  // Single values are converted once; ranges element by element.
  const constant: (number | CompError | undefined)[] = specs.map((s, i) =>
    shapes[i] && shapes[i]!.rows * shapes[i]!.cols > 1 ? undefined : toNumber(s.arg?.[0]?.[0], s),
  );
  const out: Matrix = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: (number | CompError)[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      let error: CompError | null = null;
      for (let i = 0; i < k; i++) {
        let v = constant[i];
        if (v === undefined) v = toNumber(specs[i].arg![r][c], specs[i]);
        if (typeof v === "number") values[i] = v;
        else if (!error) error = v;
      }
      row[c] = error ?? fn(values);
    }
    out[r] = row;
  }
  return out;
}
