/**
 * The pulse check plan by plan: every check and every status in one table (OK, Watch, Act, Not
 * set, and Too few reps for a plan under the minimum), the company taking the worst plan for
 * per-plan checks, concentration on payout % of target (role mix is not concentration), pacing
 * (half-year actuals with Period Share Of Year 0.5 read as the full year), and the fiscal
 * quarter label.
 */
import { computePulse } from "../../src/actions/pulseCheck";
import {
  COMPANY_CHECKS,
  PER_PLAN_CHECKS,
  fiscalQuarterLabel,
  runPulse,
  type PulseResult,
} from "../../src/engine/pulse";
import {
  JUDGED_STATUSES,
  PULSE_CHECK_IDS,
  alignmentDriftCheck,
  cappedRepsCheck,
  concentrationCheck,
  excellenceReachCheck,
  leverageP10Check,
  leverageP90Check,
  payForOutcomesCheck,
  payForPerformanceCheck,
  payMixCheck,
  planValueCheck,
  priorityPayoutCheck,
  shareAtQuotaCheck,
  statusRank,
  thresholdReachCheck,
  type MetricHealth,
  type ObjectiveDetail,
  type PulseCheck,
  type PulseCheckId,
  type PulseStatus,
} from "../../src/engine/pulseChecks";
import { DEFAULT_PULSE_BANDS } from "../../src/engine/pulseSettings";
import { readPlan } from "../../src/model/readPlan";
import { readPulseSettings } from "../../src/model/readPulseSettings";
import { readReps } from "../../src/model/readReps";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { curveRows, curvesSheet, matrixSheet, objectivesSheet } from "../helpers/planSheets";

jest.setTimeout(60_000);

const B = DEFAULT_PULSE_BANDS;

/** Linear from 50% (pays 0) to 150% (pays 2× target), capped. */
const STD_CURVE = curveRows(
  "Std",
  [
    [0.5, 0],
    [1, 1],
    [1.5, 2],
  ],
  "LINEAR",
  "CAP"
);

const health = (share: { reached?: number; excellence?: number; cap?: number }): MetricHealth[] => [
  {
    plan: "P",
    metric: "M",
    curve: "C",
    weight: 1,
    reps: 100,
    threshold: 0.5,
    thresholdReached: (share.reached ?? 1) * 100,
    excellence: 1.25,
    excellenceRate: 1.5,
    excellenceReached: (share.excellence ?? 0.1) * 100,
    cap: 1.5,
    atCap: (share.cap ?? 0) * 100,
  },
];
const noExcellence: MetricHealth[] = [{ ...health({})[0], excellence: null, excellenceReached: 0 }];
const objectives = (payoutShare: number): ObjectiveDetail[] => [
  {
    kind: "objective",
    objective: "Top",
    priorityShare: 0.4,
    designPayShare: 0.4,
    payoutShare,
    gap: payoutShare - 0.4,
  },
  {
    kind: "objective",
    objective: "Other",
    priorityShare: 0.35,
    designPayShare: 0.6,
    payoutShare: 1 - payoutShare,
    gap: 0.65 - payoutShare,
  },
];

type Row = [PulseCheckId, string, () => PulseCheck, PulseStatus, number | null];

/** A plan-value check's row: the value against the plan value (null: not set). */
const planRow = (
  id: "payout-to-target" | "cost-of-sales",
  label: string,
  value: number,
  plan: number | null,
  status: PulseStatus
): Row => [id, label, () => planValueCheck(id, value, plan, B), status, value];

const METRIC_CHECKS = {
  "threshold-reach": thresholdReachCheck,
  "excellence-reach": excellenceReachCheck,
  "capped-reps": cappedRepsCheck,
};

/** A per-metric check's row: one metric with `share` of its reps past a landmark. */
const metricRow = (
  id: keyof typeof METRIC_CHECKS,
  landmark: "reached" | "excellence" | "cap",
  share: number,
  status: PulseStatus
): Row => [
  id,
  `${Math.round(share * 100)}%`,
  () => METRIC_CHECKS[id](health({ [landmark]: share }), B),
  status,
  share,
];

/** [check, case, the check computed, status, value]: every status each check can give. */
const TABLE: Row[] = [
  ["share-at-quota", "62%", () => shareAtQuotaCheck(0.62, B), "OK", 0.62],
  ["share-at-quota", "50%", () => shareAtQuotaCheck(0.5, B), "Watch", 0.5],
  ["share-at-quota", "90%", () => shareAtQuotaCheck(0.9, B), "Act", 0.9],
  ["pay-for-performance", "0.95", () => payForPerformanceCheck(0.95, B), "OK", 0.95],
  ["pay-for-performance", "0.7", () => payForPerformanceCheck(0.7, B), "Watch", 0.7],
  ["pay-for-performance", "0.5", () => payForPerformanceCheck(0.5, B), "Act", 0.5],
  ["leverage-p90", "2.2", () => leverageP90Check(2.2, B), "OK", 2.2],
  ["leverage-p90", "1.6", () => leverageP90Check(1.6, B), "Watch", 1.6],
  ["leverage-p90", "1.2", () => leverageP90Check(1.2, B), "Act", 1.2],
  ["leverage-p10", "0.3", () => leverageP10Check(0.3, B), "OK", 0.3],
  ["leverage-p10", "0.6", () => leverageP10Check(0.6, B), "Watch", 0.6],
  ["leverage-p10", "0.9", () => leverageP10Check(0.9, B), "Act", 0.9],
  planRow("payout-to-target", "105% vs 100%", 1.05, 1, "OK"),
  planRow("payout-to-target", "115% vs 100%", 1.15, 1, "Watch"),
  planRow("payout-to-target", "125% vs 100%", 1.25, 1, "Act"),
  planRow("payout-to-target", "no plan value", 1.124, null, "Not set"),
  planRow("cost-of-sales", "5% vs 5%", 0.05, 0.05, "OK"),
  planRow("cost-of-sales", "4.4% vs 5%", 0.044, 0.05, "Watch"),
  planRow("cost-of-sales", "3.5% vs 5%", 0.035, 0.05, "Act"),
  planRow("cost-of-sales", "no plan value", 0.055, null, "Not set"),
  ["concentration", "Gini 0.3", () => concentrationCheck(0.3, 0.4, B), "OK", 0.3],
  ["concentration", "Gini 0.5", () => concentrationCheck(0.5, 0.45, B), "Watch", 0.5],
  ["concentration", "Gini 0.65", () => concentrationCheck(0.65, 0.45, B), "Act", 0.65],
  metricRow("threshold-reach", "reached", 0.95, "OK"),
  metricRow("threshold-reach", "reached", 0.83, "Watch"),
  metricRow("threshold-reach", "reached", 0.7, "Act"),
  metricRow("excellence-reach", "excellence", 0.1, "OK"),
  metricRow("excellence-reach", "excellence", 0.25, "Watch"),
  metricRow("excellence-reach", "excellence", 0.4, "Act"),
  [
    "excellence-reach",
    "no excellence below the cap",
    () => excellenceReachCheck(noExcellence, B),
    "Not set",
    null,
  ],
  metricRow("capped-reps", "cap", 0.1, "OK"),
  metricRow("capped-reps", "cap", 0.2, "Watch"),
  metricRow("capped-reps", "cap", 0.35, "Act"),
  ["alignment-drift", "−0.05", () => alignmentDriftCheck(0.9, 0.85, [], B), "OK", 0.85],
  ["alignment-drift", "−0.15", () => alignmentDriftCheck(0.9, 0.75, [], B), "Watch", 0.75],
  ["alignment-drift", "−0.25", () => alignmentDriftCheck(0.9, 0.65, [], B), "Act", 0.65],
  ["pay-for-outcomes", "0.5", () => payForOutcomesCheck(0.5, true, B), "OK", 0.5],
  ["pay-for-outcomes", "0.1", () => payForOutcomesCheck(0.1, true, B), "Watch", 0.1],
  ["pay-for-outcomes", "−0.2", () => payForOutcomesCheck(-0.2, true, B), "Act", -0.2],
  [
    "pay-for-outcomes",
    "no Gross Margin",
    () => payForOutcomesCheck(null, false, B),
    "Not set",
    null,
  ],
  ["pay-mix", "65% in 60–70%", () => payMixCheck(0.65, 0.6, 0.7, true), "OK", 0.65],
  ["pay-mix", "55% under 60%", () => payMixCheck(0.55, 0.6, 0.7, true), "Watch", 0.55],
  ["pay-mix", "90% over 85%", () => payMixCheck(0.9, 0.6, 0.7, true), "Act", 0.9],
  ["pay-mix", "no band", () => payMixCheck(0.63, null, null, true), "Not set", 0.63],
  ["pay-mix", "no Base Salary", () => payMixCheck(null, 0.6, 0.7, false), "Not set", null],
  ["priority-payout", "40% of 40%", () => priorityPayoutCheck(objectives(0.4), B), "OK", 1],
  ["priority-payout", "24% of 40%", () => priorityPayoutCheck(objectives(0.24), B), "Watch", 0.6],
  ["priority-payout", "16% of 40%", () => priorityPayoutCheck(objectives(0.16), B), "Act", 0.4],
  ["priority-payout", "no priorities", () => priorityPayoutCheck([], B), "Not set", null],
];

describe("every check, every status", () => {
  test.each(TABLE)("%s: %s → %s", (id, _, make, status, value) => {
    const c = make();
    expect(c.id).toBe(id);
    expect(c.status).toBe(status);
    if (value === null) expect(c.value).toBeNull();
    else expect(c.value).toBeCloseTo(value, 12);
    expect(c.message.length).toBeGreaterThan(20);
    // Not set never pretends: its message names what to add.
    if (status === "Not set") expect(c.message).toMatch(/^(Not compared|No paid metric)/);
  });

  test("the table covers every check, and OK, Watch and Act for each", () => {
    for (const id of PULSE_CHECK_IDS)
      for (const s of JUDGED_STATUSES)
        expect(TABLE.some(([i, , , status]) => i === id && status === s)).toBe(true);
  });

  test("the priority-payout message names the objective and both shares", () => {
    expect(priorityPayoutCheck(objectives(0.16), B).message).toBe(
      '"Top" (top priority, 40% of priority) gets 16% of payout: the money does not follow the top priority; raise its weight or make its metric\'s curve reachable now.'
    );
  });
});

// ------------------------------------------------------------------------------------------
// A small generated world: Hunters (12 reps, TI 100k), Farmers (12 reps, TI 10k, the same
// attainments), Tiny (3 reps): Base Salary, Revenue and Gross Margin on every rep.

const ATTAINMENTS = [0.45, 0.6, 0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.3, 1.6];

function world(share = 1, pulseSettings: SheetValue[][] = []) {
  const rows: SheetValue[][] = [
    [
      "Rep",
      "Plan",
      "Target Incentive",
      "Base Salary",
      "Revenue",
      "Gross Margin",
      "Sales Quota",
      "Sales Actual",
    ],
  ];
  const add = (plan: string, ti: number, base: number, attainments: number[]) =>
    attainments.forEach((a, i) =>
      rows.push([
        `${plan} ${i + 1}`,
        plan,
        ti,
        base,
        1_000_000 * a * share,
        1_000_000 * a * share * (0.2 + 0.02 * i),
        1_000_000,
        1_000_000 * a * share,
      ])
    );
  add("Hunters", 100_000, 150_000, ATTAINMENTS);
  add("Farmers", 10_000, 40_000, ATTAINMENTS);
  add("Tiny", 50_000, 100_000, [0.8, 1, 1.2]);
  const reps = { name: "Reps", values: rows };
  const { design } = readPlan({
    objectives: objectivesSheet(["Grow", 1]),
    matrix: matrixSheet(
      ["Hunters", "Sales", "Grow", 1, "Std"],
      ["Farmers", "Sales", "Grow", 1, "Std"],
      ["Tiny", "Sales", "Grow", 1, "Std"]
    ),
    curves: curvesSheet(STD_CURVE),
    reps,
  });
  const { settings, warnings } = readPulseSettings({
    name: "Pulse Settings",
    values: [["Setting", "Value"], ...pulseSettings],
  });
  expect(warnings).toEqual([]);
  return runPulse(design, readReps(reps, ["Sales"]), settings, { today: "2026-07-15" });
}

const planCheck = (p: PulseResult, plan: string, id: PulseCheckId) =>
  p.plans.find((x) => x.plan === plan)!.checks.find((c) => c.id === id)!;

describe("plan by plan", () => {
  const pulse = world(1, [
    ["Plan Payout To Target", 1],
    ["Plan Incentive Cost Of Sales", 0.05],
    ["Pay Mix Low", 0.6],
    ["Pay Mix High", 0.8],
  ]);

  test("each plan has every check in the stable order, with its computed reps", () => {
    expect(pulse.plans.map((p) => [p.plan, p.reps])).toEqual([
      ["Hunters", 12],
      ["Farmers", 12],
      ["Tiny", 3],
    ]);
    for (const p of pulse.plans) expect(p.checks.map((c) => c.id)).toEqual([...PULSE_CHECK_IDS]);
  });

  test("Too few reps: a plan under 10 reps is not judged, but its value is still shown", () => {
    const tiny = pulse.plans[2];
    for (const c of tiny.checks) {
      if (c.id === "pay-mix") {
        // Pay mix is policy, not a statistic: judged whatever the headcount (100k of 150k).
        expect(c).toMatchObject({ status: "OK", value: 100_000 / 150_000 });
        continue;
      }
      expect(c.status).toBe("Too few reps");
      expect(c.message).toBe(
        "Not judged: Tiny has 3 computed reps, fewer than the 10 a judgement needs (Min Reps Per Plan); the value is shown for information."
      );
    }
    // Reps at quota on Tiny: 2 of 3, shown.
    expect(tiny.checks[0].value).toBeCloseTo(2 / 3, 12);
    // Lowering the minimum judges it.
    const judged = world(1, [["Min Reps Per Plan", 3]]);
    expect(planCheck(judged, "Tiny", "share-at-quota")).toMatchObject({
      status: "OK",
      value: 2 / 3,
    });
  });

  test("concentration is on payout % of target: a 10× difference in target incentive is not concentration", () => {
    const hunters = planCheck(pulse, "Hunters", "concentration");
    const farmers = planCheck(pulse, "Farmers", "concentration");
    // Same attainments → the same payout % of target → the same Gini, whatever the TI.
    expect(farmers.value).toBeCloseTo(hunters.value!, 12);
    expect(hunters.status).toBe("OK");
    expect(pulse.checks.find((c) => c.id === "concentration")!.status).toBe("OK");
  });

  test("pay mix per plan: Σ base ÷ Σ (base + TI)", () => {
    expect(planCheck(pulse, "Hunters", "pay-mix")).toMatchObject({ status: "OK", value: 0.6 });
    expect(planCheck(pulse, "Farmers", "pay-mix")).toMatchObject({ status: "OK", value: 0.8 });
  });

  test("pay for outcomes: payout % of target against Gross Margin ÷ Revenue (rises with rep index here)", () => {
    const c = planCheck(pulse, "Hunters", "pay-for-outcomes");
    // Attainment and margin % both rise with the rep index: a perfect rank correlation.
    expect(c.value).toBeCloseTo(1, 12);
    expect(c.status).toBe("OK");
    // Pay for performance keeps its own, honest label.
    expect(planCheck(pulse, "Hunters", "pay-for-performance").title).toBe(
      "Payout follows attainment (rank correlation; true by design)"
    );
  });
});

describe("the company: the worst plan for per-plan checks, totals for the others", () => {
  let pulse: PulseResult;
  beforeAll(async () => {
    const book = MemoryWorkbook.fromSheets([]);
    for (const spec of sampleSheets()) await book.createSheet(spec);
    pulse = (await computePulse(book, { today: "2026-11-30" })).pulse;
  });

  test("each per-plan check's company status is the worst judged plan's, and its message names that plan", () => {
    for (const id of PER_PLAN_CHECKS) {
      const company = pulse.checks.find((c) => c.id === id)!;
      const plans = pulse.plans
        .map((p) => ({ plan: p.plan, check: p.checks.find((c) => c.id === id)! }))
        .filter((e) => JUDGED_STATUSES.includes(e.check.status));
      if (plans.length === 0) continue;
      const worst = Math.max(...plans.map((e) => statusRank(e.check.status)));
      expect([id, statusRank(company.status)]).toEqual([id, worst]);
      const driving = plans.filter((e) => statusRank(e.check.status) === worst);
      expect(driving.some((e) => company.message.includes(e.plan))).toBe(true);
      if (company.status !== "OK")
        expect(driving.map((e) => e.check.value)).toContainEqual(company.value);
    }
  });

  test("company-wide checks are measured on the company's totals", () => {
    expect(COMPANY_CHECKS).toEqual([
      "payout-to-target",
      "cost-of-sales",
      "alignment-drift",
      "priority-payout",
    ]);
    const ptt = pulse.checks.find((c) => c.id === "payout-to-target")!;
    expect(ptt.value).toBeCloseTo(pulse.figures.payoutToTarget!, 12);
    // The demo's Pulse Settings set a Plan Payout To Target of 100%: the company total is
    // compared with it, and above it (paid more than target) the check is not OK.
    expect(pulse.figures.payoutToTarget!).toBeGreaterThan(1);
    expect(ptt.status).not.toBe("OK");
    expect(ptt.status).not.toBe("Not set");
    // It sets no plan cost of sales: nothing was compared, so never OK.
    const cos = pulse.checks.find((c) => c.id === "cost-of-sales")!;
    expect(cos.status).toBe("Not set");
    expect(cos.message).toMatch(/Pulse Settings/);
  });

  test("the issue's case: reps at quota is Watch for the company because of one plan", () => {
    const quota = pulse.checks[0];
    const bad = pulse.plans.filter((p) => p.checks[0].status !== "OK");
    if (bad.length > 0) {
      expect(quota.status).not.toBe("OK");
      expect(
        quota.message.startsWith(bad.find((p) => p.checks[0].status === quota.status)!.plan)
      ).toBe(true);
    }
  });
});

describe("pacing", () => {
  test("half-year actuals against annual quotas with Period Share Of Year 0.5: the same statuses and values", () => {
    const settings: SheetValue[][] = [
      ["Plan Payout To Target", 1],
      ["Plan Incentive Cost Of Sales", 0.05],
      ["Pay Mix Low", 0.6],
      ["Pay Mix High", 0.8],
    ];
    const annual = world(1, settings);
    const half = world(0.5, [...settings, ["Period Share Of Year", 0.5]]);
    const unpaced = world(0.5, settings);
    const view = (p: PulseResult) => [
      ...p.checks.map((c) => [c.id, c.status]),
      ...p.plans.flatMap((x) => x.checks.map((c) => [x.plan, c.id, c.status])),
    ];
    expect(view(half)).toEqual(view(annual));
    half.checks.forEach((c, k) => {
      if (c.value === null) expect(annual.checks[k].value).toBeNull();
      else expect(c.value).toBeCloseTo(annual.checks[k].value!, 9);
    });
    // Without pacing, half-year actuals look like a disaster: nobody at quota.
    expect(unpaced.checks[0]).toMatchObject({ status: "Act", value: 0 });
  });

  test("the default Period is the fiscal quarter of the date passed in", () => {
    expect(fiscalQuarterLabel("2026-11-30")).toBe("2026 Q4");
    expect(fiscalQuarterLabel("2026-01-01")).toBe("2026 Q1");
    expect(fiscalQuarterLabel("2026-04-02")).toBe("2026 Q2");
    // A fiscal year starting in July is named for the year it ends in.
    expect(fiscalQuarterLabel("2026-07-01", 7)).toBe("2027 Q1");
    expect(fiscalQuarterLabel("2026-06-30", 7)).toBe("2026 Q4");
    expect(fiscalQuarterLabel("Q1 2026")).toBe("Q1 2026");
    expect(world().label).toBe("2026 Q3");
    // February to January: 15 July 2026 is in the second quarter of the year ending January 2027.
    expect(world(1, [["Fiscal Year Start Month", 2]]).label).toBe("2027 Q2");
  });
});
