/**
 * Excel's custom-functions metadata (functions.json), generated from the catalogue so the
 * functions Excel knows and the functions the headless engine registers cannot drift apart.
 * Format: "Manually create JSON metadata for custom functions in Excel" (Microsoft Learn).
 */
import type { FunctionSpec } from "./spec";

export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: {
      name: string;
      description: string;
      type: string;
      dimensionality: "scalar" | "matrix";
      optional?: boolean;
      allowErrorForDataTypeAny?: boolean;
    }[];
    result: { type: string; dimensionality: "scalar" | "matrix" };
  }[];
}

export function buildFunctionsJson(specs: readonly FunctionSpec[]): FunctionsJson {
  return {
    functions: specs.map((spec) => ({
      id: spec.name,
      name: spec.name,
      description: spec.description,
      parameters: spec.params.map((param) => ({
        name: param.name,
        description: param.description,
        type: param.type,
        dimensionality: param.dimensionality,
        ...(param.optional ? { optional: true } : {}),
        // Element-wise inputs: Excel passes error cells in (they must be type any), and the
        // result carries the error in that element only.
        ...(param.elementwise && param.type === "any" ? { allowErrorForDataTypeAny: true } : {}),
      })),
      // Every COMP result is a number (or a matrix of numbers); errors may stand in for any of them.
      result: { type: "number", dimensionality: spec.result.dimensionality },
    })),
  };
}
