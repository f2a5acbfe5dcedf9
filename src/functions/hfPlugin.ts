/**
 * A HyperFormula function plugin generated from COMP function descriptions: one loop over the
 * specs, no per-function code. Each spec becomes function `<NAMESPACE>.<NAME>` whose
 * parameters come from the spec (a "matrix" parameter takes a range or a value, a "scalar" one
 * a single value), whose spill size comes from `resultShape`, and whose body converts the
 * arguments, calls `impl` and converts the result back (hfValues.ts).
 */
import {
  ArraySize,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import { valueError } from "../engine/errors";
import type { FunctionSpec, ParamSpec, Shape } from "./spec";
import { argShape, fromResult, toArg } from "./hfValues";
import type { Arg, Result } from "./values";

/** The parts of HyperFormula's AST and interpreter state a plugin method sees. */
interface CallAst {
  args: { type: string }[];
}
type State = unknown;
type PluginMethod = (this: FunctionPlugin, ast: CallAst, state: State) => unknown;

/** What the plugin's protected helpers look like from inside a generated method. */
interface PluginInternals {
  runFunction(
    args: unknown[],
    state: State,
    metadata: unknown,
    fn: (...args: unknown[]) => unknown
  ): unknown;
  metadata(id: string): unknown;
  arraySizeForAst(ast: unknown, state: State): ArraySize;
}

export interface CompPlugin {
  /** The plugin class to hand to HyperFormula.registerFunctionPlugin. */
  plugin: FunctionPluginDefinition;
  /** Function ids, e.g. "COMP.PAYOUT", in catalogue order. */
  ids: string[];
}

const ONE: Shape = { rows: 1, cols: 1 };

function parameterMetadata(param: ParamSpec) {
  return {
    // ANY passes a range through untouched; NOERROR reduces a range to one value as Excel does
    // for a single-value parameter, and like Excel returns an error argument without calling.
    argumentType:
      param.dimensionality === "matrix" ? FunctionArgumentType.ANY : FunctionArgumentType.NOERROR,
    optionalArg: param.optional === true,
  };
}

/** The result shape for these argument shapes; a bad rule or shape counts as one cell. */
function safeShape(spec: FunctionSpec, shapes: (Shape | undefined)[]): Shape {
  if (spec.result.dimensionality === "scalar") return ONE;
  try {
    const shape = spec.resultShape(shapes);
    const valid =
      Number.isInteger(shape.rows) &&
      Number.isInteger(shape.cols) &&
      shape.rows >= 1 &&
      shape.cols >= 1;
    return valid ? shape : ONE;
  } catch {
    return ONE;
  }
}

function evaluateMethod(spec: FunctionSpec, id: string): PluginMethod {
  const optional = spec.params.map((p) => p.optional === true);
  const arity = spec.params.length;
  // `empty[i]`: the formula leaves argument i out (`f(a,,c)` or fewer arguments), which is not
  // the same as giving it a blank cell.
  const call = (empty: boolean[], values: unknown[]) => {
    const args: Arg[] = new Array(arity);
    for (let i = 0; i < arity; i++) args[i] = toArg(values[i], optional[i] && empty[i]);
    let result: Result;
    try {
      result = spec.impl(...args);
    } catch (e) {
      // impl is documented never to throw; if it does, the cell shows why instead of the engine failing.
      result = valueError(`${id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The size HyperFormula reserved, worked out only for a result that needs it.
    const limit = () =>
      safeShape(
        spec,
        args.map((arg, i) => (arg === null ? undefined : argShape(values[i])))
      );
    return fromResult(result, id, limit);
  };
  return function (this: FunctionPlugin, ast, state) {
    const self = this as unknown as PluginInternals;
    const empty = optional.map((_, i) => !ast.args[i] || ast.args[i].type === "EMPTY");
    return self.runFunction(ast.args, state, self.metadata(id), (...values: unknown[]) =>
      call(empty, values)
    );
  };
}

function sizeMethod(spec: FunctionSpec): PluginMethod {
  const arity = spec.params.length;
  return function (this: FunctionPlugin, ast, state) {
    const self = this as unknown as PluginInternals;
    const shapes: (Shape | undefined)[] = [];
    for (let i = 0; i < arity; i++) {
      const arg = ast.args[i];
      if (!arg || arg.type === "EMPTY") {
        shapes.push(undefined);
        continue;
      }
      // Arguments are computed as arrays (enableArrayArithmeticForArguments), so sized as arrays.
      const size = self.arraySizeForAst(arg, { ...(state as object), arraysFlag: true });
      shapes.push({ rows: size.height, cols: size.width });
    }
    const shape = safeShape(spec, shapes);
    return new ArraySize(shape.cols, shape.rows);
  };
}

function defineMethod(target: object, name: string, method: PluginMethod): void {
  // HyperFormula requires each method to be an own property of the plugin's prototype.
  Object.defineProperty(target, name, { value: method, writable: true, configurable: true });
}

/** Builds the plugin class for these specs, named `<namespace>.<NAME>`. */
export function buildCompPlugin(specs: readonly FunctionSpec[], namespace: string): CompPlugin {
  class CompFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
  }
  const ids: string[] = [];
  for (const spec of specs) {
    const id = `${namespace}.${spec.name}`;
    const method = `${namespace}_${spec.name}`;
    const spills = spec.result.dimensionality === "matrix";
    CompFunctionsPlugin.implementedFunctions[id] = {
      method,
      parameters: spec.params.map(parameterMetadata),
      // As in Excel, an expression given as an argument (B2:B9*1000) is computed as an array;
      // the function itself decides what a range means, so HyperFormula never maps over it.
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      ...(spills ? { sizeOfResultArrayMethod: `${method}_size` } : {}),
    };
    defineMethod(CompFunctionsPlugin.prototype, method, evaluateMethod(spec, id));
    if (spills) defineMethod(CompFunctionsPlugin.prototype, `${method}_size`, sizeMethod(spec));
    ids.push(id);
  }
  return { plugin: CompFunctionsPlugin, ids };
}
