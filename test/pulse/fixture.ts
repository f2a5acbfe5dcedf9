/**
 * The pulse check's tiny world, small enough to compute every check by hand (test/pulse/*).
 *
 * Objectives: Cloud priority 60, Core 40 (priority shares 0.6 / 0.4).
 * Curves: Acc (0.5, 0) (1, 1) (1.5, 2), LINEAR, CAP; Ramp (0, 0) (1, 1) (2, 2), EXTEND.
 * Plans:  AE  = Cloud 50% on Acc (serves Cloud) + Core 50% on Ramp (serves Core)
 *         SDR = Meetings 100% on Acc (serves Core)
 * Every quota is 100, so attainment = actual / 100; every TI is 100; every Revenue is 1000.
 *
 *  rep  plan  Cloud a  Core a  Meet. a   Cloud pay              Core pay   payout   WA     % of TI
 *  r1   AE    0.40     0.60             0 (below 0.5)           30         30       0.50   0.30
 *  r2   AE    0.60     0.80             50·0.2 = 10             40         50       0.70   0.50
 *  r3   AE    0.90     0.90             50·0.8 = 40             45         85       0.90   0.85
 *  r4   AE    1.00     1.00             50                      50         100      1.00   1.00
 *  r5   AE    1.20     0.80             50·1.4 = 70             40         110      1.00   1.10
 *  r6   AE    0.80     1.20             50·0.6 = 30             60         90       1.00   0.90
 *  r7   AE    1.50     1.10             50·2 = 100 (at cap)     55         155      1.30   1.55
 *  r8   AE    1.80     2.20             50·2 = 100 (capped)     110 (EXT)  210      2.00   2.10
 *  s1   SDR                    1.05     100·1.1 = 110 (Core)               110      1.05   1.10
 *  s2   SDR                    0.40     0 (below 0.5)                      0        0.40   0.00
 *  r9   AE    Core Quota "n/a": a data issue, left out of every check (its TI still counts in
 *             the design's target-incentive dollars, as the alignment check counts it).
 *
 * Pulse Settings: Period "Q1 2026", Plan Payout To Target 1 (100%), Plan Incentive Cost Of
 * Sales 0.08 (8%), Min Reps Per Plan 2 (so both plans are judged).
 */
import { runPulse, type PulseResult } from "../../src/engine/pulse";
import { readPlan } from "../../src/model/readPlan";
import { readPulseSettings } from "../../src/model/readPulseSettings";
import { readReps } from "../../src/model/readReps";
import type { SheetValue } from "../../src/workbook/port";

export const OBJECTIVES: SheetValue[][] = [
  ["Objective", "Priority", "Why"],
  ["Cloud", 60, "Cloud revenue recurs."],
  ["Core", 40, "Core pays the bills."],
];

export const MATRIX: SheetValue[][] = [
  ["Plan", "Metric", "Objective", "Behavior", "Weight", "Curve", "Owner", "Why"],
  ["AE", "Cloud", "Cloud", "sell cloud", 0.5, "Acc", "Sales", null],
  ["AE", "Core", "Core", "renew core", 0.5, "Ramp", "Finance", null],
  ["SDR", "Meetings", "Core", "book meetings", 1, "Acc", "Sales", null],
];

export const CURVES: SheetValue[][] = [
  ["Curve", "Attainment", "Payout", "Method", "Beyond"],
  ["Acc", 0.5, 0, null, null],
  ["Acc", 1, 1, null, null],
  ["Acc", 1.5, 2, null, null],
  ["Ramp", 0, 0, null, "EXTEND"],
  ["Ramp", 1, 1, null, null],
  ["Ramp", 2, 2, null, null],
];

const REPS_HEADER = [
  "Rep",
  "Plan",
  "Target Incentive",
  "Revenue",
  "Cloud Quota",
  "Cloud Actual",
  "Core Quota",
  "Core Actual",
  "Meetings Quota",
  "Meetings Actual",
];

const ae = (rep: string, cloud: number, core: number): SheetValue[] => [
  rep,
  "AE",
  100,
  1000,
  100,
  cloud,
  100,
  core,
  null,
  null,
];
const sdr = (rep: string, meetings: number): SheetValue[] => [
  rep,
  "SDR",
  100,
  1000,
  null,
  null,
  null,
  null,
  100,
  meetings,
];

/** Actuals by rep, so tests can move one rep across a boundary. */
export interface Actuals {
  r1: [number, number];
  r2: [number, number];
  r3: [number, number];
  r4: [number, number];
  r5: [number, number];
  r6: [number, number];
  r7: [number, number];
  r8: [number, number];
  s1: number;
  s2: number;
}

export const ACTUALS: Actuals = {
  r1: [40, 60],
  r2: [60, 80],
  r3: [90, 90],
  r4: [100, 100],
  r5: [120, 80],
  r6: [80, 120],
  r7: [150, 110],
  r8: [180, 220],
  s1: 105,
  s2: 40,
};

export function repsSheet(actuals: Actuals = ACTUALS): SheetValue[][] {
  const { r1, r2, r3, r4, r5, r6, r7, r8, s1, s2 } = actuals;
  return [
    REPS_HEADER,
    ae("r1", ...r1),
    ae("r2", ...r2),
    ae("r3", ...r3),
    ae("r4", ...r4),
    ae("r5", ...r5),
    ae("r6", ...r6),
    ae("r7", ...r7),
    ae("r8", ...r8),
    sdr("s1", s1),
    sdr("s2", s2),
    ["r9", "AE", 100, 1000, 100, 100, "n/a", 100, null, null],
  ];
}

export const SETTINGS: SheetValue[][] = [
  ["Setting", "Value"],
  ["Period", "Q1 2026"],
  ["Plan Payout To Target", 1],
  ["Plan Incentive Cost Of Sales", 0.08],
  // The tiny world's plans have 8 and 2 reps: judged here, so every status can be computed by hand.
  ["Min Reps Per Plan", 2],
];

/** The tiny world's reps by weighted attainment: s2 .4 | r1 .5, r2 .7 | r3 .9 | r4 r5 r6 1.0, s1 1.05 | r7 1.3 | r8 2.0. */
export const TINY_HISTOGRAM: [string, number][] = [
  ["<50%", 1],
  ["50%–75%", 2],
  ["75%–100%", 1],
  ["100%–125%", 4],
  ["125%–150%", 1],
  ["≥150%", 1],
];

/** The input sheets, as MemoryWorkbook.fromSheets and XlsxWorkbook.createSheet take them. */
export function tinySheets({
  actuals = ACTUALS,
  settings = SETTINGS as SheetValue[][] | null,
} = {}): { name: string; values: SheetValue[][] }[] {
  return [
    { name: "Objectives", values: OBJECTIVES },
    { name: "Matrix", values: MATRIX },
    { name: "Curves", values: CURVES },
    { name: "Reps", values: repsSheet(actuals) },
    ...(settings ? [{ name: "Pulse Settings", values: settings }] : []),
  ];
}

/**
 * The pulse of the tiny world, with its Pulse Settings (which must read without a warning) or,
 * with `settingsSheet` null, without that sheet.
 */
export function tinyPulse(
  actuals: Actuals = ACTUALS,
  today = "2026-04-02",
  settingsSheet: SheetValue[][] | null = SETTINGS
): PulseResult {
  const reps = { name: "Reps", values: repsSheet(actuals) };
  const { design } = readPlan({
    objectives: { name: "Objectives", values: OBJECTIVES },
    matrix: { name: "Matrix", values: MATRIX },
    curves: { name: "Curves", values: CURVES },
    reps,
  });
  const table = readReps(reps, ["Cloud", "Core", "Meetings"]);
  const { settings, warnings } = readPulseSettings(
    settingsSheet && { name: "Pulse Settings", values: settingsSheet }
  );
  expect(warnings).toEqual([]);
  return runPulse(design, table, settings, { today });
}
