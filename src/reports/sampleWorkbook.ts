/**
 * The sample CompAlign workbook: what `npm run demo` builds and the task pane's "Insert sample
 * data" loads. A fictional software company, "Northwind Software", sells its core on-premises
 * suite (Atlas) and a new cloud subscription product (Nimbus Cloud). Strategy has moved to the
 * cloud and to multi-product deals, but the plans still pay mostly for core bookings: the
 * classic drift CompAlign exists to catch. Revenue is bookings (Atlas + Nimbus Cloud bookings,
 * the two metrics Matrix marks Revenue = yes); gross margins are software margins (about 86% on
 * Atlas licences, 72% on Nimbus Cloud); bookings quotas are about 5× on-target earnings; Pulse
 * Settings holds the plan's budget, payout at 100% of target. With the default seed (seeds 1 and
 * 42 are checked too and stay within the same bands):
 * - Alignment check: no errors; priority-pay-gap warnings (Nimbus Cloud has 40% of priority but
 *   25% of target incentive, core 30% vs 62%) and marginal-misaligned in every plan (one more
 *   point pays most on core); design alignment index 0.681 (band 0.6–0.8).
 * - Scenarios (360 reps): Baseline 60% of reps at ≥ 100% weighted attainment (band 0.5–0.7),
 *   payout % of target p10 0.44, p50 1.10, p90 1.78 (band 1.5–3); realized alignment index 0.62,
 *   0.73 with "Shift 20% to multi-product deals" or "Cloud weight 40%", 0.78 with the weight and
 *   the accelerator curve together. Each scenario changes one thing, but the last, named as the
 *   combination it is.
 *
 * Everything is generated from a seeded PRNG (no Math.random, no clock), so a seed always gives
 * the same workbook. Amounts are whole currency units, deal counts whole numbers; every rep is
 * valid (no data issues), and every scenario is valid.
 */
import { COLUMNS, SHEETS } from "../model/readPlan";
import { PULSE_SETTINGS_COLUMNS, PULSE_SETTINGS_SHEET } from "../model/readPulseSettings";
import { REVENUE_COLUMN } from "../model/readRevenueMetrics";
import { SCENARIO_COLUMNS, SCENARIOS_SHEET } from "../model/readScenarios";
import type { SheetSpec, SheetValue } from "../workbook/port";
import { FORMATS } from "./format";
import {
  curvesValidations,
  matrixValidations,
  scenariosValidations,
  tableSheet,
} from "./starterWorkbook";

export const SAMPLE_SEED = 20261128;

export const SAMPLE_OBJECTIVES = {
  cloud: "Grow Nimbus Cloud subscriptions",
  core: "Protect Atlas core revenue",
  multi: "Sell multi-product deals",
  margin: "Protect margin and retention",
} as const;

export const SAMPLE_PLANS = {
  enterprise: "Enterprise AE",
  midMarket: "Mid-Market AE",
  inside: "Inside Sales",
} as const;

export const SAMPLE_METRICS = {
  core: "Core Bookings",
  cloud: "Nimbus Cloud Bookings",
  multi: "Multi-product Deals",
  profit: "Gross Profit",
} as const;

/**
 * The what-if scenarios of the sample, in sheet order (Baseline is implicit and first): each
 * changes one thing and is named for it, then one combination named as such.
 */
export const SAMPLE_SCENARIOS = [
  "Shift 20% to multi-product deals",
  "Cloud weight 40%",
  "Cloud accelerator curve",
  "Quotas +10%",
  "Cloud weight 40% + accelerator",
] as const;

/** The metrics whose Actual is revenue (bookings dollars): Matrix's Revenue column says yes. */
const REVENUE_METRICS: readonly string[] = ["Core Bookings", "Nimbus Cloud Bookings"];

export const SAMPLE_SEGMENTS = ["Enterprise", "Mid-Market", "SMB"] as const;
export const SAMPLE_TERRITORIES = ["East", "West", "Central", "EMEA", "APAC"] as const;

const O = SAMPLE_OBJECTIVES;
const P = SAMPLE_PLANS;
const M = SAMPLE_METRICS;
const METRIC_ORDER = [M.core, M.cloud, M.multi, M.profit] as const;

const OBJECTIVES: SheetValue[][] = [
  [
    O.cloud,
    40,
    "Customers are moving to Nimbus Cloud, and its recurring revenue funds next year's growth.",
  ],
  [
    O.core,
    30,
    "Atlas licences and renewals still pay most of the bills this year, so keep them renewing.",
  ],
  [
    O.multi,
    15,
    "Customers who buy two or more of our products stay longer and spend more every year.",
  ],
  [
    O.margin,
    15,
    "A deal won with a deep discount or a customer who churns costs more than it earns.",
  ],
];

/**
 * The Baseline plans pay mostly for core bookings (55–75% of target incentive) although cloud
 * is the top priority; Enterprise AE carries Multi-product Deals at 0% (introduced, not paid yet).
 */
const MATRIX: SheetValue[][] = [
  [
    P.enterprise,
    M.core,
    O.core,
    "Renew and expand Atlas licences in named accounts",
    0.75,
    "Core Standard",
    "Finance",
    "Atlas still funds the business; renewals and expansions count here.",
  ],
  [
    P.enterprise,
    M.cloud,
    O.cloud,
    "Move Atlas accounts to Nimbus Cloud subscriptions",
    0.25,
    "Cloud Standard",
    "Sales",
    "Every Nimbus subscription you land is recurring revenue next year.",
  ],
  [
    P.enterprise,
    M.multi,
    O.multi,
    "Close deals with two or more products",
    0,
    "Multi-product Step",
    "Product",
    "New this year: tracked now, paid once the bundle offers are live.",
  ],
  [
    P.midMarket,
    M.core,
    O.core,
    "Win and renew Atlas deals",
    0.55,
    "Core Standard",
    "Finance",
    "Core bookings are still most of your territory's revenue.",
  ],
  [
    P.midMarket,
    M.cloud,
    O.cloud,
    "Lead new deals with Nimbus Cloud",
    0.25,
    "Cloud Standard",
    "Sales",
    "Cloud-first deals grow your book every year they renew.",
  ],
  [
    P.midMarket,
    M.profit,
    O.margin,
    "Hold price and keep customers renewing",
    0.2,
    "Margin Standard",
    "Finance",
    "Profitable deals that renew pay for everyone's growth.",
  ],
  [
    P.inside,
    M.core,
    O.core,
    "Renew small Atlas accounts on time",
    0.5,
    "Core Standard",
    "Finance",
    "On-time renewals protect the base you inherit.",
  ],
  [
    P.inside,
    M.cloud,
    O.cloud,
    "Convert Nimbus trials to paid subscriptions",
    0.25,
    "Cloud Standard",
    "Sales",
    "Trials turn into cloud customers through you.",
  ],
  [
    P.inside,
    M.multi,
    O.multi,
    "Attach a second product at first purchase",
    0.25,
    "Multi-product Step",
    "Product",
    "A second product at first purchase makes customers stick.",
  ],
];

/** Points (attainment, payout): thresholds, target at 100%, accelerators, caps; one STEP curve. */
const CURVES: SheetValue[][] = [
  ["Core Standard", 0.5, 0, "LINEAR", "CAP"],
  ["Core Standard", 1, 1, null, null],
  ["Core Standard", 1.5, 2, null, null],
  ["Cloud Standard", 0.6, 0, "LINEAR", "CAP"],
  ["Cloud Standard", 1, 1, null, null],
  ["Cloud Standard", 1.5, 1.8, null, null],
  ["Cloud Accelerated", 0.5, 0, "LINEAR", "CAP"],
  ["Cloud Accelerated", 1, 1, null, null],
  ["Cloud Accelerated", 1.25, 1.75, null, null],
  ["Cloud Accelerated", 1.75, 3, null, null],
  ["Multi-product Step", 0.5, 0, "STEP", "CAP"],
  ["Multi-product Step", 0.75, 0.5, null, null],
  ["Multi-product Step", 1, 1, null, null],
  ["Multi-product Step", 1.25, 1.5, null, null],
  ["Multi-product Step", 1.5, 2, null, null],
  ["Margin Standard", 0.8, 0, "LINEAR", "CAP"],
  ["Margin Standard", 1, 1, null, null],
  ["Margin Standard", 1.3, 1.75, null, null],
];

const SCENARIO_ROWS: SheetValue[][] = [
  // One lever each: a weight shift (in the two plans that carry multi-product deals), a weight,
  // a curve (Cloud Accelerated: threshold 50% instead of 60%, 1.75× at 125%, cap 3× at 175%),
  // quotas; then the weight and the curve together, named as a combination.
  [SAMPLE_SCENARIOS[0], "shift-weight", P.enterprise, M.core, M.multi, 0.2, null],
  [SAMPLE_SCENARIOS[0], "shift-weight", P.inside, M.core, M.multi, 0.2, null],
  [SAMPLE_SCENARIOS[1], "set-weight", null, M.cloud, null, 0.4, null],
  [SAMPLE_SCENARIOS[2], "set-curve", null, M.cloud, "Cloud Accelerated", null, null],
  [SAMPLE_SCENARIOS[3], "scale-quota", null, null, null, 1.1, null],
  [SAMPLE_SCENARIOS[4], "set-weight", null, M.cloud, null, 0.4, null],
  [SAMPLE_SCENARIOS[4], "set-curve", null, M.cloud, "Cloud Accelerated", null, null],
];

/** Pulse Settings (src/model/readPulseSettings.ts): the plan's budget is 100% of target incentive. */
const PULSE_SETTINGS_ROWS: SheetValue[][] = [["Plan Payout To Target", 1]];

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  uniform(min: number, max: number): number;
  normal(): number;
  pick<T>(items: readonly T[], weights?: readonly number[]): T;
  chance(p: number): boolean;
}

function rngOf(seed: number): Rng {
  const next = seededRandom(seed);
  const rng: Rng = {
    uniform: (min, max) => min + (max - min) * next(),
    // Box–Muller; 1 − u keeps the logarithm finite.
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: (items, weights) => {
      const w = weights ?? items.map(() => 1);
      let u = next() * w.reduce((s, x) => s + x, 0);
      for (let i = 0; i < items.length; i++) {
        u -= w[i];
        if (u < 0) return items[i];
      }
      return items[items.length - 1];
    },
    chance: (p) => next() < p,
  };
  return rng;
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

// ---------------------------------------------------------------------------------------------
// Reps

const FIRST_NAMES = [
  "Avery",
  "Blake",
  "Casey",
  "Devon",
  "Emerson",
  "Finley",
  "Gray",
  "Harper",
  "Indigo",
  "Jordan",
  "Kai",
  "Logan",
  "Morgan",
  "Noa",
  "Oakley",
  "Parker",
  "Quinn",
  "Riley",
  "Sage",
  "Taylor",
  "Umar",
  "Valentina",
  "Wren",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Amara",
  "Bruno",
  "Chloe",
  "Diego",
  "Elif",
  "Farah",
  "Goran",
  "Hana",
  "Ivan",
  "Jonas",
  "Keiko",
  "Lena",
  "Mateo",
  "Nadia",
];
const LAST_NAMES = [
  "Chen",
  "Rivera",
  "Morgan",
  "Patel",
  "Ito",
  "Okafor",
  "Novak",
  "Silva",
  "Kowalski",
  "Haddad",
  "Nguyen",
  "Schmidt",
  "Dubois",
  "Rossi",
  "Tanaka",
  "Müller",
  "Andersen",
  "García",
  "Kim",
  "Osei",
  "Lindqvist",
  "Moreau",
  "Brennan",
  "Costa",
  "Ivanova",
  "Mensah",
  "Fischer",
  "Park",
  "Sato",
  "Walsh",
  "Adeyemi",
  "Bianchi",
  "Castillo",
  "Dimitrov",
  "Eriksen",
  "Fontaine",
  "Gupta",
  "Horvat",
  "Jansen",
  "Larsen",
];

interface PlanProfile {
  plan: string;
  count: number;
  /** Segments of the plan's reps, with weights. */
  segments: [string, number][];
  /** Target incentive levels (junior → senior) with weights; base salary = TI × pay-mix ratio. */
  ti: [number, number][];
  baseRatio: number;
  /**
   * Quota as a multiple of target incentive per metric (Multi-product Deals: deals per 10k TI);
   * bookings quotas total about 5× on-target earnings (base + TI) in every plan.
   */
  coreQuota: number;
  cloudQuota: number;
  multiDealsPer10k: number | null;
  profitQuota: boolean;
}

const PROFILES: PlanProfile[] = [
  {
    plan: P.enterprise,
    count: 72,
    segments: [["Enterprise", 1]],
    ti: [
      [95000, 2],
      [105000, 3],
      [115000, 3],
      [125000, 2],
      [140000, 1],
    ],
    baseRatio: 1.5,
    coreQuota: 9,
    cloudQuota: 3.5,
    multiDealsPer10k: 0.7,
    profitQuota: false,
  },
  {
    plan: P.midMarket,
    count: 132,
    segments: [["Mid-Market", 1]],
    ti: [
      [50000, 2],
      [55000, 3],
      [60000, 4],
      [67500, 3],
      [75000, 1],
    ],
    baseRatio: 1.6,
    coreQuota: 9,
    cloudQuota: 4,
    multiDealsPer10k: null,
    profitQuota: true,
  },
  {
    plan: P.inside,
    count: 156,
    segments: [
      ["SMB", 4],
      ["Mid-Market", 1],
    ],
    ti: [
      [22000, 2],
      [25000, 4],
      [28000, 4],
      [31000, 2],
      [34000, 1],
    ],
    baseRatio: 2.3,
    coreQuota: 11,
    cloudQuota: 5,
    multiDealsPer10k: 7,
    profitQuota: false,
  },
];

/** Gross margin rates of the two products (software: on-premises licences above cloud). */
const CORE_MARGIN = 0.86;
const CLOUD_MARGIN = 0.72;

/** Quota/actual per metric, in METRIC_ORDER; null where the metric is not in the rep's plan. */
type MetricCells = Record<(typeof METRIC_ORDER)[number], [number, number] | null>;

/**
 * Attainment of one metric: log-normal around `median` (a long right tail), driven partly by
 * the rep's own skill (correlated across metrics) and partly by luck, capped at 3× quota.
 */
function attainment(rng: Rng, skill: number, median: number, spread: number): number {
  const z = 0.75 * skill + 0.66 * rng.normal();
  return clamp(median * Math.exp(spread * z), 0.05, 3);
}

function sampleReps(rng: Rng): SheetValue[][] {
  const used = new Set<string>();
  const name = () => {
    for (;;) {
      const n = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const rows: SheetValue[][] = [];
  for (const profile of PROFILES) {
    for (let r = 0; r < profile.count; r++) {
      const segment = rng.pick(
        profile.segments.map((s) => s[0]),
        profile.segments.map((s) => s[1])
      );
      const territory = rng.pick(SAMPLE_TERRITORIES, [25, 22, 18, 22, 13]);
      const ti = rng.pick(
        profile.ti.map((t) => t[0]),
        profile.ti.map((t) => t[1])
      );
      const base = roundTo(ti * profile.baseRatio * rng.uniform(0.95, 1.05), 500);
      // A few reps are having a bad year (lost their biggest account, long leave, new territory).
      const struggling = rng.chance(0.04);
      const skill = rng.normal() + (struggling ? -2.5 : 0);
      const quota = (multiple: number) => roundTo(ti * multiple * rng.uniform(0.9, 1.1), 5000);

      const coreQ = quota(profile.coreQuota);
      const coreA = Math.round(coreQ * attainment(rng, skill, 1.12, 0.26));
      // Nimbus is new: reps sell less of it against quota than they do core.
      const cloudQ = quota(profile.cloudQuota);
      const cloudA = Math.round(cloudQ * attainment(rng, skill, 0.97, 0.32));
      const cells: MetricCells = {
        [M.core]: [coreQ, coreA],
        [M.cloud]: [cloudQ, cloudA],
        [M.multi]: null,
        [M.profit]: null,
      };
      if (profile.multiDealsPer10k !== null) {
        const dealsQ = Math.max(
          2,
          Math.round((ti / 10000) * profile.multiDealsPer10k * rng.uniform(0.9, 1.1))
        );
        cells[M.multi] = [dealsQ, Math.round(dealsQ * attainment(rng, skill, 1.02, 0.32))];
      }

      // Revenue is bookings: Atlas licence bookings plus Nimbus Cloud bookings, one unit.
      const revenue = coreA + cloudA;
      // Gross margin %: software margins, Atlas licences about 86%, Nimbus Cloud about 72%
      // (hosting costs), less for discount-heavy reps.
      const cloudShare = revenue > 0 ? cloudA / revenue : 0;
      const marginPct = clamp(
        CORE_MARGIN - (CORE_MARGIN - CLOUD_MARGIN) * cloudShare + 0.025 * rng.normal(),
        0.68,
        0.9
      );
      const grossMargin = Math.round(revenue * marginPct);
      if (profile.profitQuota)
        cells[M.profit] = [roundTo(coreQ * CORE_MARGIN + cloudQ * CLOUD_MARGIN, 5000), grossMargin];

      rows.push([
        name(),
        profile.plan,
        segment,
        territory,
        ti,
        base,
        revenue,
        grossMargin,
        ...METRIC_ORDER.flatMap((m) => cells[m] ?? [null, null]),
      ]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const REPS_HEADER = [
  ...COLUMNS.reps,
  ...METRIC_ORDER.flatMap((m) => [`${m} Quota`, `${m} Actual`]),
];

/**
 * The sample workbook's input sheets: Objectives, Matrix, Curves, Reps and Scenarios, as named,
 * formatted Excel tables with drop-downs (the starter workbook's look).
 */
export function sampleSheets(seed = SAMPLE_SEED): SheetSpec[] {
  const rng = rngOf(seed);
  const money = FORMATS.currency;
  const objectives = tableSheet(
    SHEETS.objectives,
    COLUMNS.objectives,
    OBJECTIVES,
    [null, FORMATS.number, null],
    [32, 10, 80]
  );
  // The Matrix's optional Revenue column (docs/workbook.md) marks the bookings metrics.
  const matrix = tableSheet(
    SHEETS.matrix,
    [...COLUMNS.matrix, REVENUE_COLUMN],
    MATRIX.map((row) => [...row, REVENUE_METRICS.includes(String(row[1])) ? "yes" : "no"]),
    [null, null, null, null, FORMATS.percent, null, null, null, null],
    [16, 20, 32, 48, 9, 20, 12, 64, 9],
    { validations: matrixValidations() }
  );
  const curves = tableSheet(
    SHEETS.curves,
    COLUMNS.curves,
    CURVES,
    [null, FORMATS.percent, FORMATS.percent, null, null],
    [20, 12, 10, 10, 10],
    { validations: curvesValidations() }
  );
  const metricFormats = METRIC_ORDER.flatMap((m) =>
    m === M.multi ? [FORMATS.number, FORMATS.number] : [money, money]
  );
  const reps = tableSheet(
    SHEETS.reps,
    REPS_HEADER,
    sampleReps(rng),
    [null, null, null, null, money, money, money, money, ...metricFormats],
    REPS_HEADER.map((h, i) => (i < 4 ? 18 : Math.max(12, h.length + 2)))
  );
  const scenarios = tableSheet(
    SCENARIOS_SHEET,
    SCENARIO_COLUMNS,
    SCENARIO_ROWS,
    // Value is a share of target incentive (0.20) or a multiplier (1.10), as in the starter.
    [null, null, null, null, null, FORMATS.decimal, null],
    [34, 14, 16, 20, 20, 9, 12],
    { validations: scenariosValidations() }
  );
  const pulseSettings = tableSheet(
    PULSE_SETTINGS_SHEET,
    PULSE_SETTINGS_COLUMNS,
    PULSE_SETTINGS_ROWS,
    [null, FORMATS.percent],
    [28, 12]
  );
  // A sheet name with a space is not a table name: the table is PulseSettings.
  pulseSettings.tables = pulseSettings.tables!.map((t) => ({ ...t, name: "PulseSettings" }));
  return [objectives, matrix, curves, reps, scenarios, pulseSettings];
}
