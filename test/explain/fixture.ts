/**
 * A tiny design whose plan pages are computed by hand in test/explain/engine.test.ts.
 *
 * Curves (LINEAR, CAP unless said):
 *   Ramp   (0.5, 0) (1, 1) (1.5, 2)      threshold 50% paying 0 (a ramp), slope 2 above target, cap 200%
 *   Cliff  (0.8, 0.5) (1, 1) (1.1, 1.5)  a cliff: 50% at 80%, nothing below; slope 5 above target, cap 150% from 110%
 *   Steep  (0.5, 0) (1, 1) (1.25, 2)     slope 4 above target, cap 200%
 *   Five   STEP, 5 points (0.5,0) (0.75,0.5) (1,1) (1.25,1.5) (1.5,2)
 *   Six    6 points (0.5,0) (0.75,0.5) (1,1) (1.1,1.2) (1.25,1.5) (1.5,2)
 *
 * Plans (Matrix order):
 *   AE      Core Bookings 60% Ramp (Keep core), Cloud ARR 40% Cliff (Grow cloud); reps TI 10,000,
 *           30,000, 20,000 and one "n/a" (left out): median of 3 = 20,000
 *   SDR     Meetings 25% Steep, Pipeline 50% Ramp, Renewals 25% Ramp; reps TI 4,000, 10,000,
 *           6,000, 8,000: median of 4 = (6,000 + 8,000) / 2 = 7,000
 *   Pair    X 50% Ramp, Y 50% Ramp; no reps: TI 1
 *   Busy    four metrics of 25% on Ramp (breaks the rule: 4 metrics)
 *   Wiggly  one metric on Six (breaks the rule: 6 curve points)
 *   Steps   one metric on Five (keeps the rule: exactly 5 points)
 */
import type { SheetValue } from "../../src/workbook/port";
import { curveRows, curvesSheet, type Sheet } from "../helpers/planSheets";

export type { Sheet };

export const OBJECTIVES: Sheet = {
  name: "Objectives",
  values: [
    ["Objective", "Priority", "Why"],
    ["Keep core", 40, "Core pays the bills."],
    ["Grow cloud", 60, "Cloud is where customers are going."],
    ["Build pipeline", 10, null],
  ],
};

const row = (
  plan: string,
  metric: string,
  objective: string,
  weight: number,
  curve: string,
  behavior: string | null = null,
  why: string | null = null
): SheetValue[] => [plan, metric, objective, behavior, weight, curve, why];

export const MATRIX: Sheet = {
  name: "Matrix",
  values: [
    ["Plan", "Metric", "Objective", "Behavior", "Weight", "Curve", "Why"],
    row(
      "AE",
      "Core Bookings",
      "Keep core",
      0.6,
      "Ramp",
      "Renew core licences",
      "Core still funds us."
    ),
    row(
      "AE",
      "Cloud ARR",
      "Grow cloud",
      0.4,
      "Cliff",
      "Sell cloud subscriptions",
      "Recurring revenue."
    ),
    row("SDR", "Meetings", "Build pipeline", 0.25, "Steep", "Book first meetings"),
    row("SDR", "Pipeline", "Build pipeline", 0.5, "Ramp", "Qualify pipeline"),
    row("SDR", "Renewals", "Keep core", 0.25, "Ramp", "Book first meetings"),
    row("Pair", "X", "Keep core", 0.5, "Ramp"),
    row("Pair", "Y", "Grow cloud", 0.5, "Ramp"),
    row("Busy", "M1", "Keep core", 0.25, "Ramp"),
    row("Busy", "M2", "Keep core", 0.25, "Ramp"),
    row("Busy", "M3", "Grow cloud", 0.25, "Ramp"),
    row("Busy", "M4", "Grow cloud", 0.25, "Ramp"),
    row("Wiggly", "W", "Grow cloud", 1, "Six"),
    row("Steps", "S", "Grow cloud", 1, "Five"),
  ],
};

export const CURVES: Sheet = curvesSheet(
  curveRows(
    "Ramp",
    [
      [0.5, 0],
      [1, 1],
      [1.5, 2],
    ],
    "LINEAR",
    "CAP"
  ),
  curveRows("Cliff", [
    [0.8, 0.5],
    [1, 1],
    [1.1, 1.5],
  ]),
  curveRows("Steep", [
    [0.5, 0],
    [1, 1],
    [1.25, 2],
  ]),
  curveRows(
    "Five",
    [
      [0.5, 0],
      [0.75, 0.5],
      [1, 1],
      [1.25, 1.5],
      [1.5, 2],
    ],
    "STEP"
  ),
  curveRows("Six", [
    [0.5, 0],
    [0.75, 0.5],
    [1, 1],
    [1.1, 1.2],
    [1.25, 1.5],
    [1.5, 2],
  ])
);

export const REPS: Sheet = {
  name: "Reps",
  values: [
    ["Rep", "Plan", "Target Incentive"],
    ["Ann", "AE", 10000],
    ["Bo", "ae", 30000],
    ["Cy", "AE", 20000],
    ["Di", "AE", "n/a"],
    ["Ed", "SDR", 4000],
    ["Fa", "SDR", 10000],
    ["Gu", "SDR", 6000],
    ["Hy", "SDR", 8000],
  ],
};

/** The plans, in Matrix order (the order of the JSON, the pages and the pane's picker). */
export const PLAN_NAMES = ["AE", "SDR", "Pair", "Busy", "Wiggly", "Steps"];

export const SHEETS: Sheet[] = [OBJECTIVES, MATRIX, CURVES, REPS];
