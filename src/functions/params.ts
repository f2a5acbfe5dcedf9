/**
 * Parameter descriptions for the COMP catalogue (src/functions/spec.ts), one line each: most
 * parameters take a value or a range (type "any", checked by the implementation), and the
 * options are single words ("CAP", "LINEAR").
 */
import type { ParamSpec } from "./spec";

type More = Pick<ParamSpec, "optional" | "elementwise">;

/** A value or a range (a single value arrives as a 1×1 matrix). */
export const rangeParam = (name: string, description: string, more: More = {}): ParamSpec => ({
  name,
  description,
  type: "any",
  dimensionality: "matrix",
  ...more,
});

/** A value or a range computed element by element: an error cell fails only its own element. */
export const elementParam = (name: string, description: string, more: More = {}): ParamSpec =>
  rangeParam(name, description, { ...more, elementwise: true });

/** A single value of any type, checked by the implementation. */
export const valueParam = (name: string, description: string, more: More = {}): ParamSpec => ({
  name,
  description,
  type: "any",
  dimensionality: "scalar",
  ...more,
});

/** An optional one-word option, e.g. "CAP"/"EXTEND". */
export const wordParam = (name: string, description: string): ParamSpec => ({
  name,
  description,
  type: "string",
  dimensionality: "scalar",
  optional: true,
});
