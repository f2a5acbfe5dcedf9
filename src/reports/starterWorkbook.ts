/**
 * The starter workbook "Set up workbook" and `compalign init` create: the four input sheets
 * of the workbook contract as formatted Excel tables, with drop-downs and frozen headers, and a
 * small plan that passes every alignment check, so the first screen is never empty.
 */
import { OWNERS } from "../engine/plan";
import { CHANGE_TYPES } from "../engine/scenarioChanges";
import { COLUMNS, SHEETS } from "../model/readPlan";
import { SCENARIO_COLUMNS, SCENARIOS_SHEET } from "../model/readScenarios";
import type { SheetSpec, SheetValue, ValidationSpec } from "../workbook/port";
import { FORMATS, TABLE_STYLE } from "./format";
import { absoluteColumn, rangeAddress } from "./range";

/** Rows a drop-down covers below the header: room to grow without re-running setup. */
export const VALIDATION_ROWS = 500;

const STARTER_OBJECTIVES: SheetValue[][] = [
  [
    "Grow cloud subscriptions",
    40,
    "Customers are moving to the cloud, and recurring revenue funds next year's growth.",
  ],
  [
    "Sell multi-product deals",
    25,
    "Customers who buy two or more products stay longer and grow faster.",
  ],
  ["Protect core revenue", 35, "Core licences still pay for most of the business this year."],
];

const METRICS = ["Cloud ARR", "Multi-product Deals", "Core Bookings"] as const;

const STARTER_MATRIX: SheetValue[][] = [
  [
    "Account Executive",
    "Cloud ARR",
    "Grow cloud subscriptions",
    "Land and expand cloud subscriptions",
    0.4,
    "Standard",
    "Sales",
    "Cloud is the strategy; it is the biggest share of your pay.",
  ],
  [
    "Account Executive",
    "Multi-product Deals",
    "Sell multi-product deals",
    "Bundle a second product into every deal",
    0.25,
    "Accelerated",
    "Product",
    "Bundles keep customers; every extra product counts.",
  ],
  [
    "Account Executive",
    "Core Bookings",
    "Protect core revenue",
    "Renew and upsell core licences",
    0.35,
    "Standard",
    "Finance",
    "Core still funds the business.",
  ],
  [
    "Inside Sales",
    "Cloud ARR",
    "Grow cloud subscriptions",
    "Convert trials to paid cloud plans",
    0.45,
    "Standard",
    "Sales",
    "Trials turn into cloud customers through you.",
  ],
  [
    "Inside Sales",
    "Multi-product Deals",
    "Sell multi-product deals",
    "Attach add-ons at first purchase",
    0.2,
    "Accelerated",
    "Product",
    "Add-ons at first purchase make customers stick.",
  ],
  [
    "Inside Sales",
    "Core Bookings",
    "Protect core revenue",
    "Renew small core accounts on time",
    0.35,
    "Standard",
    "Finance",
    "On-time renewals protect the base.",
  ],
];

const STARTER_CURVES: SheetValue[][] = [
  ["Standard", 0.5, 0, "LINEAR", "CAP"],
  ["Standard", 1, 1, null, null],
  ["Standard", 1.5, 2, null, null],
  ["Accelerated", 0.6, 0, "LINEAR", "CAP"],
  ["Accelerated", 1, 1, null, null],
  ["Accelerated", 1.3, 2.2, null, null],
];

/** Rep, Plan, Segment, Territory, TI, Base, Revenue, Gross margin, then (quota, actual) per metric. */
const STARTER_REPS: SheetValue[][] = [
  [
    "Avery Chen",
    "Account Executive",
    "Enterprise",
    "West",
    60000,
    140000,
    2650000,
    1690000,
    900000,
    1010000,
    12,
    14,
    1200000,
    1150000,
  ],
  [
    "Blake Rivera",
    "Account Executive",
    "Enterprise",
    "East",
    60000,
    140000,
    2210000,
    1370000,
    900000,
    820000,
    12,
    9,
    1200000,
    1240000,
  ],
  [
    "Casey Morgan",
    "Account Executive",
    "Mid-Market",
    "West",
    50000,
    120000,
    1980000,
    1290000,
    700000,
    790000,
    10,
    12,
    900000,
    880000,
  ],
  [
    "Devon Patel",
    "Account Executive",
    "Mid-Market",
    "Central",
    50000,
    120000,
    1560000,
    950000,
    700000,
    560000,
    10,
    8,
    900000,
    910000,
  ],
  [
    "Emerson Ito",
    "Account Executive",
    "Mid-Market",
    "East",
    50000,
    120000,
    2100000,
    1330000,
    700000,
    745000,
    10,
    11,
    900000,
    1020000,
  ],
  [
    "Finley Okafor",
    "Inside Sales",
    "SMB",
    "West",
    25000,
    70000,
    760000,
    490000,
    300000,
    318000,
    20,
    23,
    350000,
    342000,
  ],
  [
    "Gray Novak",
    "Inside Sales",
    "SMB",
    "Central",
    25000,
    70000,
    610000,
    380000,
    300000,
    255000,
    20,
    17,
    350000,
    301000,
  ],
  [
    "Harper Silva",
    "Inside Sales",
    "SMB",
    "East",
    25000,
    70000,
    700000,
    450000,
    300000,
    296000,
    20,
    21,
    350000,
    360000,
  ],
];

const STARTER_SCENARIOS: SheetValue[][] = [
  [
    "Move 10% to multi-product deals",
    "shift-weight",
    null,
    "Core Bookings",
    "Multi-product Deals",
    0.1,
    null,
  ],
  ["Quotas up 10%", "scale-quota", null, null, null, 1.1, null],
  ["Richer cloud curve", "set-curve", null, "Cloud ARR", "Accelerated", null, null],
];

const repsHeader = (): string[] => [
  ...COLUMNS.reps,
  ...METRICS.flatMap((m) => [`${m} Quota`, `${m} Actual`]),
];

/** One input sheet as a named, styled Excel table with a frozen header (shared with the sample workbook). */
export function tableSheet(
  name: string,
  header: readonly string[],
  rows: SheetValue[][],
  formats: (string | null)[],
  widths: number[],
  extra: Partial<SheetSpec> = {}
): SheetSpec {
  return {
    name,
    blocks: [{ at: "A1", values: [[...header], ...rows], numberFormats: formats }],
    tables: [
      { name, range: rangeAddress(0, 0, rows.length + 1, header.length), style: TABLE_STYLE },
    ],
    columnWidths: widths,
    freeze: { rows: 1, columns: 0 },
    ...extra,
  };
}

/** Cells under the header of a column, as far as drop-downs reach. */
const below = (col: number) => rangeAddress(1, col, VALIDATION_ROWS, 1);

/** Drop-downs of the Matrix sheet: Objective and Curve from their sheets, Owner from OWNERS. */
export function matrixValidations(): ValidationSpec[] {
  const matrixCol = (header: string) =>
    COLUMNS.matrix.indexOf(header as (typeof COLUMNS.matrix)[number]);
  return [
    {
      range: below(matrixCol("Objective")),
      list: { source: absoluteColumn(SHEETS.objectives, 0, 1, VALIDATION_ROWS) },
      errorMessage: "Pick an objective from the Objectives sheet.",
    },
    {
      range: below(matrixCol("Curve")),
      list: { source: absoluteColumn(SHEETS.curves, 0, 1, VALIDATION_ROWS) },
      errorMessage: "Pick a curve defined on the Curves sheet.",
    },
    {
      range: below(matrixCol("Owner")),
      list: [...OWNERS],
      errorMessage: `Owner is one of ${OWNERS.join(", ")}.`,
    },
  ];
}

/** Drop-downs of the Curves sheet: Method and Beyond. */
export function curvesValidations(): ValidationSpec[] {
  return [
    { range: below(3), list: ["LINEAR", "STEP"], errorMessage: "Method is LINEAR or STEP." },
    { range: below(4), list: ["CAP", "EXTEND"], errorMessage: "Beyond is CAP or EXTEND." },
  ];
}

/** Drop-downs of the Scenarios sheet: Change from the change types, Plan from the Matrix plans. */
export function scenariosValidations(): ValidationSpec[] {
  return [
    {
      range: below(1),
      list: [...CHANGE_TYPES],
      errorMessage: `Change is one of ${CHANGE_TYPES.join(", ")}.`,
    },
    {
      range: below(2),
      list: { source: absoluteColumn(SHEETS.matrix, 0, 1, VALIDATION_ROWS) },
      errorMessage: "Pick a plan from the Matrix sheet, or leave blank for every plan.",
    },
  ];
}

export function starterSheets(): SheetSpec[] {
  const objectives = tableSheet(
    SHEETS.objectives,
    COLUMNS.objectives,
    STARTER_OBJECTIVES,
    [null, FORMATS.number, null],
    [30, 10, 70]
  );
  const matrix = tableSheet(
    SHEETS.matrix,
    COLUMNS.matrix,
    STARTER_MATRIX,
    [null, null, null, null, FORMATS.percent, null, null, null],
    [20, 22, 28, 38, 9, 14, 12, 55],
    { validations: matrixValidations() }
  );
  const curves = tableSheet(
    SHEETS.curves,
    COLUMNS.curves,
    STARTER_CURVES,
    [null, FORMATS.percent, FORMATS.percent, null, null],
    [16, 12, 10, 10, 10],
    { validations: curvesValidations() }
  );
  const header = repsHeader();
  const money = FORMATS.currency;
  const metricFormats = METRICS.flatMap((m) =>
    m === "Multi-product Deals" ? [FORMATS.number, FORMATS.number] : [money, money]
  );
  const reps = tableSheet(
    SHEETS.reps,
    header,
    STARTER_REPS,
    [null, null, null, null, money, money, money, money, ...metricFormats],
    header.map((h, i) => (i < 4 ? 18 : Math.max(12, h.length + 2)))
  );
  const scenarios = tableSheet(
    SCENARIOS_SHEET,
    SCENARIO_COLUMNS,
    STARTER_SCENARIOS,
    [null, null, null, null, null, "0.00", null],
    [34, 14, 20, 22, 22, 9, 14],
    { validations: scenariosValidations() }
  );
  return [objectives, matrix, curves, reps, scenarios];
}
