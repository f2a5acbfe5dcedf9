/** The Pulse Settings sheet: names ignoring case and spaces, overrides, and every problem as a warning. */
import { problemLine } from "../../src/engine/problem";
import { DEFAULT_PULSE_BANDS, defaultPulseSettings } from "../../src/engine/pulseSettings";
import { PULSE_SETTINGS, readPulseSettings } from "../../src/model/readPulseSettings";
import type { SheetValue } from "../../src/workbook/port";

const read = (values: SheetValue[][]) => readPulseSettings({ name: "Pulse Settings", values });

test("no sheet: defaults, no plan values, no label, no warnings", () => {
  expect(readPulseSettings(null)).toEqual({
    settings: {
      period: null,
      planPayoutToTarget: null,
      planIncentiveCostOfSales: null,
      payMixLow: null,
      payMixHigh: null,
      periodShare: 1,
      fiscalYearStartMonth: 1,
      minReps: 10,
      excellenceRate: 1.5,
      bands: { ...DEFAULT_PULSE_BANDS },
    },
    warnings: [],
  });
});

test("overrides, matched ignoring case and extra spaces; blank values mean not set", () => {
  const { settings, warnings } = read([
    ["setting", " VALUE ", "Notes"],
    ["Period", "Q1 2026", null],
    ["plan payout to target", 1.05, "from the budget"],
    ["  Plan   Incentive Cost Of Sales ", 0.08, null],
    ["Share At Quota Low", 0.5, null],
    ["share at quota high", 0.75, null],
    ["Capped Reps High", 0.2, null],
    ["Plan Tolerance", 0.05, null],
    ["P90 High", 3.5, null],
    ["Alignment Drift", null, "blank: default"],
    [null, null, "a note row is fine"],
  ]);
  expect(warnings).toEqual([]);
  expect(settings).toEqual({
    ...defaultPulseSettings(),
    period: "Q1 2026",
    planPayoutToTarget: 1.05,
    planIncentiveCostOfSales: 0.08,
    bands: {
      ...DEFAULT_PULSE_BANDS,
      shareAtQuotaLow: 0.5,
      shareAtQuotaHigh: 0.75,
      cappedRepsHigh: 0.2,
      planTolerance: 0.05,
      p90High: 3.5,
    },
  });
});

test("a Period typed as a date reads as yyyy-mm-dd; other numbers as typed", () => {
  // 46112 is 2026-03-31 (45658 = 2025-01-01, + 365 + 31 + 28 + 30).
  expect(
    read([
      ["Setting", "Value"],
      ["Period", 46112],
    ]).settings.period
  ).toBe("2026-03-31");
  expect(
    read([
      ["Setting", "Value"],
      ["Period", 2026],
    ]).settings.period
  ).toBe("2026");
});

test("every problem is a warning naming its cell, and the default (or not set) is used", () => {
  const { settings, warnings } = read([
    ["Setting", "Value"],
    ["Quota Bias", 0.1], // row 2
    ["Share At Quota Low", "55%"], // row 3
    ["Threshold Reach Low", 90], // row 4
    ["Plan Payout To Target", -1], // row 5
    ["Period", "Q1"], // row 6
    ["period", "Q2"], // row 7
    [null, 0.3], // row 8
    ["P90 Low", 0], // row 9
  ]);
  expect(warnings.map(problemLine)).toEqual([
    `'Pulse Settings'!A2: "Quota Bias" is not a pulse setting (see docs/workbook.md for the names), so it is not used.`,
    `'Pulse Settings'!B3: Share At Quota Low must be a number, not text "55%"; the default 0.55 is used.`,
    `'Pulse Settings'!B4: Threshold Reach Low must be between 0 and 1 (55% is 0.55), not 90; the default 0.9 is used.`,
    `'Pulse Settings'!B5: Plan Payout To Target must be a number above 0, not -1; it is treated as not set.`,
    `'Pulse Settings'!A7: Period is given twice (first at 'Pulse Settings'!A6); the first is used.`,
    `'Pulse Settings'!B8: the row has a value but no Setting name, so it is not used.`,
    `'Pulse Settings'!B9: P90 Low must be a number above 0, not 0; the default 1.8 is used.`,
  ]);
  expect(settings.period).toBe("Q1");
  expect(settings.planPayoutToTarget).toBeNull();
  expect(settings.bands).toEqual(DEFAULT_PULSE_BANDS);
});

test.each([
  [
    "band ends fall back to both defaults",
    [
      ["Excellence Reach Low", 0.3],
      ["Pay For Performance Act", 0.9],
    ],
    [
      "Pulse Settings: Pay For Performance Act (0.9) is above Pay For Performance Watch (0.8); the defaults 0.6 and 0.8 are used for both.",
      "Pulse Settings: Excellence Reach Low (0.3) is above Excellence Reach High (0.2); the defaults 0.05 and 0.2 are used for both.",
    ],
  ],
  [
    "pay-mix ends are both not set",
    [
      ["Pay Mix Low", 0.8],
      ["Pay Mix High", 0.6],
    ],
    ["Pulse Settings: Pay Mix Low (0.8) is above Pay Mix High (0.6); both are treated as not set."],
  ],
])("ends that cross: %s, with a warning", (_, rows, expected) => {
  const { settings, warnings } = read([["Setting", "Value"], ...(rows as SheetValue[][])]);
  expect(warnings.map(problemLine)).toEqual(expected);
  expect(settings).toEqual(defaultPulseSettings());
});

test("a sheet without the Setting or Value column: every default, one warning", () => {
  expect(
    read([
      ["Name", "Value"],
      ["Period", "Q1"],
    ])
  ).toEqual({
    settings: expect.objectContaining({ period: null }),
    warnings: [
      {
        message: 'Pulse Settings has no "Setting" column in row 1, so every default is used.',
        cell: null,
      },
    ],
  });
});

test("every band has a setting name", () => {
  const fields = PULSE_SETTINGS.map((s) => s.field);
  for (const band of Object.keys(DEFAULT_PULSE_BANDS)) expect(fields).toContain(band);
  expect(new Set(PULSE_SETTINGS.map((s) => s.name.toLowerCase())).size).toBe(PULSE_SETTINGS.length);
});

test("pacing, minimum reps, excellence rate, fiscal year and pay-mix settings", () => {
  const { settings, warnings } = read([
    ["Setting", "Value"],
    ["Period Share Of Year", 0.5],
    ["Min Reps Per Plan", 25],
    ["Excellence Payout Rate", 1.75],
    ["Fiscal Year Start Month", 7],
    ["Pay Mix Low", 0.6],
    ["Pay Mix High", 0.7],
    ["Priority Payout Watch", 0.8],
    ["Pay For Outcomes Act", 0.1],
  ]);
  expect(warnings).toEqual([]);
  expect(settings).toMatchObject({
    periodShare: 0.5,
    minReps: 25,
    excellenceRate: 1.75,
    fiscalYearStartMonth: 7,
    payMixLow: 0.6,
    payMixHigh: 0.7,
  });
  expect(settings.bands).toMatchObject({ priorityPayoutWatch: 0.8, payForOutcomesAct: 0.1 });
});

test.each([
  [
    "Period Share Of Year",
    0,
    "must be above 0 and at most 1 (half a year is 0.5), not 0; the default 1 is used.",
  ],
  [
    "Period Share Of Year",
    1.5,
    "must be above 0 and at most 1 (half a year is 0.5), not 1.5; the default 1 is used.",
  ],
  [
    "Min Reps Per Plan",
    2.5,
    "must be a whole number of 2 or more, not 2.5; the default 10 is used.",
  ],
  ["Min Reps Per Plan", 1, "must be a whole number of 2 or more, not 1; the default 10 is used."],
  [
    "Fiscal Year Start Month",
    13,
    "must be a month number from 1 to 12, not 13; the default 1 is used.",
  ],
  ["Pay Mix Low", 60, "must be between 0 and 1 (55% is 0.55), not 60; it is treated as not set."],
])("%s %p is a warning naming the cell", (name, value, message) => {
  const { settings, warnings } = read([
    ["Setting", "Value"],
    [name, value],
  ]);
  expect(warnings.map(problemLine)).toEqual([`'Pulse Settings'!B2: ${name} ${message}`]);
  expect(settings).toEqual(defaultPulseSettings());
});
