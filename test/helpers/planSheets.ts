/**
 * The plan contract's sheets (docs/workbook.md) built from their rows, headers written once, so a
 * test's small world reads as data: `objectivesSheet(["Grow", 1])`,
 * `matrixSheet(["Hunters", "Sales", "Grow", 1, "Std"])`,
 * `curvesSheet(curveRows("Std", [[0.5, 0], [1, 1], [1.5, 2]], "LINEAR", "CAP"))`.
 */
import type { SheetValue } from "../../src/workbook/port";

export interface Sheet {
  name: string;
  values: SheetValue[][];
}

export const sheet = (
  name: string,
  header: readonly string[],
  rows: readonly (readonly SheetValue[])[]
): Sheet => ({ name, values: [[...header], ...rows.map((r) => [...r])] });

/** Objectives: Objective, Priority. */
export const objectivesSheet = (...rows: SheetValue[][]): Sheet =>
  sheet("Objectives", ["Objective", "Priority"], rows);

/** Matrix: Plan, Metric, Objective, Weight, Curve. */
export const matrixSheet = (...rows: SheetValue[][]): Sheet =>
  sheet("Matrix", ["Plan", "Metric", "Objective", "Weight", "Curve"], rows);

/** One curve's Curves rows: [attainment, payout] points, the method and beyond on its first row. */
export const curveRows = (
  curve: string,
  points: readonly (readonly [number, number])[],
  method: string | null = null,
  beyond: string | null = null
): SheetValue[][] =>
  points.map(([a, p], i) => [curve, a, p, i === 0 ? method : null, i === 0 ? beyond : null]);

/** Curves: Curve, Attainment, Payout, Method, Beyond, from curveRows. */
export const curvesSheet = (...curves: SheetValue[][][]): Sheet =>
  sheet("Curves", ["Curve", "Attainment", "Payout", "Method", "Beyond"], curves.flat());
