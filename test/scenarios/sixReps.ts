/**
 * A 6-rep world small enough to compute every figure by hand (test/scenarios/truth.test.ts).
 *
 * Objectives: Cloud (priority 60), Core (40). Curves: Lin (0,0)(1,1)(2,2); Acc (0,0)(1,1)(2,3).
 * Plan AE: Cloud 50% on Lin, Core 50% on Acc. Plan SE: Cloud 60% on Lin, Core 40% on Lin.
 * Both metrics are marked Revenue = yes; Revenue = Cloud + Core bookings.
 *
 *  rep plan seg  terr TI   cloud q/a  core q/a   rev  GM   margin  payout                    WA
 *  r1  AE   Ent  W    100  100/120    100/60     180  126  70%     100(.5·1.2+.5·.6)  = 90   0.90
 *  r2  AE   Ent  E    200  100/50     200/300    350  280  80%     200(.5·.5+.5·2)    = 250  1.00
 *  r3  AE   SMB  W    100  100/150    100/100    250  150  60%     100(.5·1.5+.5·1)   = 125  1.25
 *  r4  SE   SMB  E    100  200/200    100/80     280  210  75%     100(.6·1+.4·.8)    = 92   0.92
 *  r5  SE   Ent  W    50   100/90     100/110    200  100  50%     50(.6·.9+.4·1.1)   = 49   0.98
 *  r6  SE   SMB  E    150  100/100    100/130    230  207  90%     150(.6·1+.4·1.3)   = 168  1.12
 *  Σ                  700                        1490 1073                               774
 */
import type { SheetValue } from "../../src/workbook/port";

/** Reps with every optional column and two metrics, Cloud and Core. */
export const REPS_HEADER = [
  "Rep",
  "Plan",
  "Segment",
  "Territory",
  "Target Incentive",
  "Base Salary",
  "Revenue",
  "Gross Margin",
  "Cloud Quota",
  "Cloud Actual",
  "Core Quota",
  "Core Actual",
];

export const SIX = {
  objectives: [
    ["Objective", "Priority", "Why"],
    ["Cloud", 60, "growth"],
    ["Core", 40, "cash"],
  ] as SheetValue[][],
  matrix: [
    ["Plan", "Metric", "Objective", "Behavior", "Weight", "Curve", "Owner", "Why", "Revenue"],
    ["AE", "Cloud", "Cloud", "sell cloud", 0.5, "Lin", "Sales", null, "yes"],
    ["AE", "Core", "Core", "renew core", 0.5, "Acc", "Finance", null, "yes"],
    ["SE", "Cloud", "Cloud", "sell cloud", 0.6, "Lin", "Sales", null, "yes"],
    ["SE", "Core", "Core", "renew core", 0.4, "Lin", "Finance", null, "yes"],
  ] as SheetValue[][],
  curves: [
    ["Curve", "Attainment", "Payout", "Method", "Beyond"],
    ["Lin", 0, 0, "LINEAR", "CAP"],
    ["Lin", 1, 1, null, null],
    ["Lin", 2, 2, null, null],
    ["Acc", 0, 0, "LINEAR", "CAP"],
    ["Acc", 1, 1, null, null],
    ["Acc", 2, 3, null, null],
  ] as SheetValue[][],
  reps: [
    REPS_HEADER,
    ["r1", "AE", "Ent", "W", 100, 50, 180, 126, 100, 120, 100, 60],
    ["r2", "AE", "Ent", "E", 200, 50, 350, 280, 100, 50, 200, 300],
    ["r3", "AE", "SMB", "W", 100, 50, 250, 150, 100, 150, 100, 100],
    ["r4", "SE", "SMB", "E", 100, 50, 280, 210, 200, 200, 100, 80],
    ["r5", "SE", "Ent", "W", 50, 50, 200, 100, 100, 90, 100, 110],
    ["r6", "SE", "SMB", "E", 150, 50, 230, 207, 100, 100, 100, 130],
  ] as SheetValue[][],
};

export const SCENARIO_HEADER = ["Scenario", "Change", "Plan", "Metric", "To", "Value", "Segment"];

/** The six reps' sheets (plus Scenarios rows, if any) as SheetData. */
export function sixSheets(scenarioRows: SheetValue[][] = [], matrix = SIX.matrix) {
  return [
    { name: "Objectives", values: SIX.objectives },
    { name: "Matrix", values: matrix },
    { name: "Curves", values: SIX.curves },
    { name: "Reps", values: SIX.reps },
    { name: "Scenarios", values: [SCENARIO_HEADER, ...scenarioRows] },
  ];
}
