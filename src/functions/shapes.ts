/** Result shapes of COMP functions, for hosts that size a spill range before evaluating. */
import { broadcastShape } from "./elementwise";
import type { Shape } from "./spec";

const ONE: Shape = { rows: 1, cols: 1 };

export const singleResult = (): Shape => ONE;

/** The broadcast shape of the element-wise parameters at these positions (1×1 when they clash). */
export const elementwiseResult =
  (...positions: number[]) =>
  (shapes: (Shape | undefined)[]): Shape =>
    broadcastShape(positions.map((p) => shapes[p])) ?? ONE;
