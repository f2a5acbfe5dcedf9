/**
 * The pulse check on the tiny world of fixture.ts, every value computed by hand, and each status
 * boundary just inside and just outside.
 */
import { attainmentHistogram } from "../../src/engine/pulse";
import * as checks from "../../src/engine/pulseChecks";
import {
  PULSE_CHECK_IDS,
  type MetricHealth,
  type PulseCheck,
  type PulseCheckId,
} from "../../src/engine/pulseChecks";
import { DEFAULT_PULSE_BANDS } from "../../src/engine/pulseSettings";
import { ACTUALS, TINY_HISTOGRAM, tinyPulse } from "./fixture";

const pulseOf = tinyPulse;
/** "OK Watch Act" → ["OK", "Watch", "Act"]. */
const statuses = (words: string) => words.split(" ");

const B = DEFAULT_PULSE_BANDS;

describe("the tiny world, by hand", () => {
  const pulse = pulseOf();
  const byId = (id: PulseCheckId) => pulse.checks.find((c) => c.id === id)!;

  test("every check, in the stable order", () => {
    expect(pulse.checks.map((c) => c.id)).toEqual([...PULSE_CHECK_IDS]);
    // Company: the worst plan's status for per-plan checks, company totals for the others.
    expect(pulse.checks.map((c) => c.status)).toEqual([
      "Watch", // share-at-quota: SDR 1 of 2 = 50% (AE 5 of 8 = 62.5% OK)
      "OK", // pay-for-performance: AE and SDR both ≥ 0.80
      "Act", // leverage-p90: SDR PERCENTILE.INC(0, 1.1; 0.9) = 0.99, under 130%
      "OK", // leverage-p10
      "OK", // payout-to-target 94% vs 100% ± 10% (company totals)
      "Watch", // cost-of-sales 9.4% vs 8% ± 10% (company totals)
      "Act", // concentration: SDR's top 20% (1 of 2 reps) earn 100% of payout % of target
      "Act", // threshold-reach 50% (SDR / Meetings)
      "Watch", // excellence-reach 25% (AE / Cloud, at 125%: where Acc pays 150%)
      "Watch", // capped-reps 25% (AE / Cloud)
      "OK", // alignment-drift 0.826 vs design 0.809 (company totals)
      "Not set", // pay-for-outcomes: no Gross Margin column
      "Not set", // pay-mix: no Base Salary column
      "Watch", // priority-payout: Cloud 42.6% of payout ÷ 60% of priority = 70.9%
    ]);
    expect(pulse.plans.map((p) => [p.plan, p.reps])).toEqual([
      ["AE", 8],
      ["SDR", 2],
    ]);
    expect(pulse.checks[0].message).toMatch(/^SDR: Fewer reps than healthy are at quota/);
  });

  test("the period label comes from Pulse Settings; r9 is a data issue, left out", () => {
    expect(pulse.label).toBe("Q1 2026");
    expect(pulse.computedReps).toBe(10);
    expect(pulse.dataIssues).toEqual([
      {
        rep: "r9",
        row: 12,
        message: 'Core Quota is text "n/a" (must be a number above 0)',
        cell: "Reps!G12",
        cells: ["Reps!G12"],
      },
    ]);
  });

  test("share at quota: WA ≥ 1 for r4, r5, r6 (all exactly 1), r7, r8, s1 → 6 of 10", () => {
    expect(pulse.company.shareAtQuota).toBe(0.6);
    // The company check shows the driving plan: SDR at 1 of 2.
    expect(byId("share-at-quota")).toMatchObject({ value: 0.5, band: "55%–70%" });
  });

  test("pay for performance: Spearman with average ranks for ties", () => {
    // WA ranks: s2 .40→1, r1 .50→2, r2 .70→3, r3 .90→4, r4 r5 r6 1.00→(5+6+7)/3 = 6, s1 1.05→8,
    // r7 1.30→9, r8 2.00→10.
    // Payout % ranks: s2 0→1, r1 .30→2, r2 .50→3, r3 .85→4, r6 .90→5, r4 1.00→6,
    // r5 and s1 1.10→(7+8)/2 = 7.5 (reached by different curve segments: 50·1.4 + 40 and
    // 100·1.1; values are rounded to 9 decimals before ranking so such ties survive
    // floating-point noise), r7 1.55→9, r8 2.10→10.
    // Both means are 5.5. Σdx·dy = 20.25+12.25+6.25+2.25 + .25 + .5·2 + .5·(−.5) + 2.5·2
    // + 12.25 + 20.25 = 79.5; Σdx² = 82.5 − (3³−3)/12 = 80.5; Σdy² = 82.5 − (2³−2)/12 = 82.
    expect(pulse.company.spearman).toBeCloseTo(79.5 / Math.sqrt(80.5 * 82), 12);
    expect(pulse.spearman).toBeCloseTo(0.978503, 6);
    expect(byId("pay-for-performance").band).toBe("≥ 0.80 (Act below 0.60)");
  });

  test("leverage: PERCENTILE.INC of payout % of TI (0, .30, .50, .85, .90, 1, 1.1, 1.1, 1.55, 2.1)", () => {
    // p90: rank 9 × 0.9 = 8.1 → 1.55 + 0.1 × (2.10 − 1.55) = 1.605, under 180% but over 130%.
    expect(pulse.company.p90).toBeCloseTo(1.605, 12);
    expect(byId("leverage-p90").band).toBe("180%–300%");
    // The company status is SDR's: 0 and 1.1 → p90 = 0.99, under 130% → Act.
    expect(byId("leverage-p90").value).toBeCloseTo(0.99, 12);
    expect(byId("leverage-p90").message).toMatch(
      /^SDR: The best reps barely earn more than target/
    );
    // p10: rank 0.9 → 0 + 0.9 × 0.30 = 0.27.
    expect(byId("leverage-p10")).toMatchObject({ status: "OK", band: "≤ 50%" });
    expect(pulse.company.p10).toBeCloseTo(0.27, 12);
  });

  test("payout to target and incentive cost of sales against the plan values", () => {
    // Σ payout = 30+50+85+100+110+90+155+210+110+0 = 940; Σ TI = 1000 → 94%, 6% under plan.
    expect(byId("payout-to-target").value).toBeCloseTo(0.94, 12);
    expect(byId("payout-to-target").band).toBe("90%–110% (plan 100% ± 10%)");
    // 940 / (10 × 1000) = 9.4% against 8%: 17.5% over plan, beyond 10% but within 20%.
    expect(byId("cost-of-sales").value).toBeCloseTo(0.094, 12);
    expect(byId("cost-of-sales").band).toBe("7.2%–8.8% (plan 8% ± 10%)");
    expect(byId("cost-of-sales").message).toMatch(/runs above plan/);
  });

  test("concentration: Gini and top-20% share of payout % of target", () => {
    // Every TI is 100, so payout % of target is payout / 100: sorted 0, .30, .50, .85, .90, 1,
    // 1.1, 1.1, 1.55, 2.1; Σ i·x = 67.45; Gini = 2·67.45 / (10·9.4) − 11/10 = 0.335106…; top 2
    // of 10 = (2.1 + 1.55) / 9.4.
    expect(pulse.company.gini).toBeCloseTo((2 * 6745) / 9400 - 1.1, 12);
    const ae = pulse.plans[0].checks.find((c) => c.id === "concentration")!;
    // AE alone: .30 .50 .85 .90 1 1.1 1.55 2.1 (Σ 8.3), Σ i·x = 46.7 → 2·46.7/(8·8.3) − 9/8.
    expect(ae.value).toBeCloseTo((2 * 46.7) / (8 * 8.3) - 9 / 8, 12);
    expect(ae.status).toBe("OK");
    const c = byId("concentration");
    // SDR: 0 and 1.1: Gini 0.5 (Watch), the top rep has 100% (Act).
    expect(c.value).toBeCloseTo(0.5, 12);
    expect(c.message).toBe(
      "SDR: A few reps take most of the payout (the top 20% of reps earn 100% of the plan's payout % of target): review windfall deals, territory balance and accelerators now."
    );
  });

  test("concentration measures on a plan in the band", () => {
    const c = pulse.plans[0].checks.find((x) => x.id === "concentration")!;
    expect(c.details).toEqual([
      { kind: "measure", measure: "Gini", value: c.value, band: "0.15–0.45", status: "OK" },
      {
        kind: "measure",
        measure: "Top 20% share of payout % of target",
        value: expect.closeTo(3.65 / 8.3, 12),
        band: "≤ 50%",
        status: "OK",
      },
    ]);
  });

  test("metric health per plan: threshold, top point and cap counts as the curve sees attainment", () => {
    expect(pulse.metricHealth).toEqual([
      // AE / Cloud on Acc: pays above 0.5 (r1 at 0.4 is not paid); excellence where Acc pays
      // 150%: 1.25 (r7 1.5, r8 1.8); cap 1.5 (r7 exactly, r8 beyond).
      {
        plan: "AE",
        metric: "Cloud",
        curve: "Acc",
        weight: 0.5,
        reps: 8,
        threshold: 0.5,
        thresholdReached: 7,
        excellence: 1.25,
        excellenceRate: 1.5,
        excellenceReached: 2,
        cap: 1.5,
        atCap: 2,
      },
      // AE / Core on Ramp (EXTEND, not capped): pays above 0, so every rep; excellence 1.5 (r8).
      {
        plan: "AE",
        metric: "Core",
        curve: "Ramp",
        weight: 0.5,
        reps: 8,
        threshold: 0,
        thresholdReached: 8,
        excellence: 1.5,
        excellenceRate: 1.5,
        excellenceReached: 1,
        cap: null,
        atCap: 0,
      },
      // SDR / Meetings on Acc: s1 (1.05) is paid, s2 (0.4) is not; nobody at 1.25 or 1.5.
      {
        plan: "SDR",
        metric: "Meetings",
        curve: "Acc",
        weight: 1,
        reps: 2,
        threshold: 0.5,
        thresholdReached: 1,
        excellence: 1.25,
        excellenceRate: 1.5,
        excellenceReached: 0,
        cap: 1.5,
        atCap: 0,
      },
    ]);
  });

  test("threshold reach: worst is SDR / Meetings at 1 of 2 = 50%, under 75% → Act", () => {
    const c = byId("threshold-reach");
    expect(c.value).toBe(0.5);
    expect(c.message).toMatch(
      /^SDR \/ Meetings: 50% of reps reach the threshold \(paid from 50% attainment\), so 50% earn nothing on it/
    );
    expect(
      c.details!.map((d) => d.kind === "metric" && [d.plan, d.metric, d.share, d.status])
    ).toEqual([
      ["AE", "Cloud", 7 / 8, "Watch"],
      ["AE", "Core", 1, "OK"],
      ["SDR", "Meetings", 0.5, "Act"],
    ]);
  });

  test("excellence reach: AE / Cloud 2 of 8 = 25% (Watch) drives the company; SDR's 0% is Watch too", () => {
    const c = byId("excellence-reach");
    expect(c.value).toBe(0.25);
    expect(c.band).toBe("5%–20% of a plan's reps");
    expect(c.message).toMatch(/^AE \/ Cloud: 25% of reps reach excellence \(125% attainment\)/);
    expect(c.details!.map((d) => d.kind === "metric" && [d.metric, d.share, d.status])).toEqual([
      ["Cloud", 0.25, "Watch"],
      ["Core", 1 / 8, "OK"],
      ["Meetings", 0, "Watch"],
    ]);
  });

  test("capped reps: only capped curves count (Ramp extends); AE / Cloud 25% is over 15%, not over 30%", () => {
    const c = byId("capped-reps");
    expect(c.value).toBe(0.25);
    expect(c.details!.map((d) => d.kind === "metric" && [d.metric, d.count, d.status])).toEqual([
      ["Cloud", 2, "Watch"],
      ["Meetings", 0, "OK"],
    ]);
  });

  test("alignment drift: realized 0.826 against design 0.809", () => {
    // Design (TI dollars: AE 900 with r9, SDR 200): Cloud 450/1100, Core 650/1100 →
    // index min(.6, .4091) + min(.4, .5909) = 0.80909.
    // Realized: Cloud payout 0+10+40+50+70+30+100+100 = 400 of 940; Core 540 of 940 →
    // min(.6, .42553) + min(.4, .57447) = 0.82553.
    const c = byId("alignment-drift");
    expect(pulse.designAlignmentIndex).toBeCloseTo(450 / 1100 + 0.4, 12);
    expect(c.value).toBeCloseTo(400 / 940 + 0.4, 12);
    expect(c.band).toBe("≥ 0.709 (design 0.809 − 0.10)");
    const objective = (name: string, priority: number, design: number, payout: number) => ({
      kind: "objective",
      objective: name,
      priorityShare: priority,
      designPayShare: expect.closeTo(design, 12),
      payoutShare: expect.closeTo(payout, 12),
      gap: expect.closeTo(payout - priority, 12),
    });
    expect(c.details).toEqual([
      objective("Cloud", 0.6, 450 / 1100, 400 / 940),
      objective("Core", 0.4, 650 / 1100, 540 / 940),
    ]);
  });

  test("histogram of weighted attainment: r1 at exactly 50% goes in 50–75%", () => {
    // WA: s2 .4 | r1 .5, r2 .7 | r3 .9 | r4 r5 r6 1.0, s1 1.05 | r7 1.3 | r8 2.0
    expect(pulse.histogram.map((b) => [b.label, b.reps])).toEqual(TINY_HISTOGRAM);
  });

  test("scatter points: every computed rep with a target, x = WA, y = payout ÷ TI", () => {
    expect(pulse.points).toHaveLength(10);
    expect(pulse.points[6]).toEqual({
      rep: "r7",
      plan: "AE",
      weightedAttainment: expect.closeTo(1.3, 12),
      payoutPctOfTarget: expect.closeTo(1.55, 12),
    });
  });
});

describe("moving reps across boundaries in the workbook", () => {
  test("share at quota per plan: AE 5 of 8 (62.5%) is OK, 6 of 8 (75%) is Watch and drives the company", () => {
    const ae = (p: ReturnType<typeof pulseOf>) => p.plans[0].checks[0];
    expect(ae(pulseOf())).toMatchObject({ value: 0.625, status: "OK" });
    // r3 to Cloud 110: WA 0.55 + 0.45 = 1 → 6 of 8 on AE; SDR stays at 1 of 2 (50%, Watch).
    const six = pulseOf({ ...ACTUALS, r3: [110, 90] });
    expect(ae(six)).toMatchObject({ value: 0.75, status: "Watch" });
    expect(ae(six).message).toMatch(/^More reps than healthy are at quota/);
    // Both Watch: the larger plan (AE) names the company's.
    expect(six.checks[0]).toMatchObject({ value: 0.75, status: "Watch" });
    expect(six.checks[0].message).toMatch(/^AE: More reps than healthy/);
  });

  test("without Pulse Settings the label is today's and plan values say so", () => {
    const pulse = tinyPulse(ACTUALS, "2026-04-02", null);
    // The fiscal quarter of the date passed in, not the date.
    expect(pulse.label).toBe("2026 Q2");
    const plan = pulse.checks.filter(
      (c) => c.id === "payout-to-target" || c.id === "cost-of-sales"
    );
    // Nothing was compared: Not set, never OK.
    expect(plan.map((c) => [c.status, c.band])).toEqual([
      ["Not set", "no plan value set"],
      ["Not set", "no plan value set"],
    ]);
    expect(plan[0].value).toBeCloseTo(0.94, 12);
    expect(plan[1].message).toMatch(/add Plan Incentive Cost Of Sales to the Pulse Settings sheet/);
  });
});

describe("status boundaries, just inside and just outside", () => {
  const status = (c: PulseCheck) => c.status;

  test("share at quota 55%–70%, Act 15 points outside", () => {
    expect(
      [0.3999, 0.4, 0.5499, 0.55, 0.7, 0.7001, 0.85, 0.8501].map((v) =>
        status(checks.shareAtQuotaCheck(v, B))
      )
    ).toEqual(["Act", "Watch", "Watch", "OK", "OK", "Watch", "Watch", "Act"]);
    expect(checks.shareAtQuotaCheck(7 / 10, B).status).toBe("OK");
    expect(checks.shareAtQuotaCheck(0.5, B).message).not.toBe(
      checks.shareAtQuotaCheck(0.75, B).message
    );
    expect(checks.shareAtQuotaCheck(null, B)).toMatchObject({ status: "Watch", value: null });
  });

  test("pay for performance: Watch below 0.8, Act below 0.6", () => {
    expect(
      [0.8, 0.7999, 0.6, 0.5999].map((v) => status(checks.payForPerformanceCheck(v, B)))
    ).toEqual(["OK", "Watch", "Watch", "Act"]);
    expect(checks.payForPerformanceCheck(null, B).status).toBe("Watch");
  });

  test("p90 180%–300% (Act under 130% or over 400%), p10 ≤ 50% (Act over 80%)", () => {
    expect(
      [1.2999, 1.3, 1.7999, 1.8, 3, 3.0001, 4, 4.0001].map((v) =>
        status(checks.leverageP90Check(v, B))
      )
    ).toEqual(["Act", "Watch", "Watch", "OK", "OK", "Watch", "Watch", "Act"]);
    expect(checks.leverageP90Check(1.7, B).message).not.toBe(
      checks.leverageP90Check(3.2, B).message
    );
    expect([0.5, 0.5001, 0.8, 0.8001].map((v) => status(checks.leverageP10Check(v, B)))).toEqual([
      "OK",
      "Watch",
      "Watch",
      "Act",
    ]);
  });

  test("plan values: ±10% relative is OK, beyond is Watch, beyond ±20% is Act", () => {
    const ptt = (v: number) => status(checks.planValueCheck("payout-to-target", v, 1, B));
    expect([0.7999, 0.8, 0.8999, 0.9, 1.1, 1.1001, 1.2, 1.2001].map(ptt)).toEqual(
      statuses("Act Watch Watch OK OK Watch Watch Act")
    );
    const cos = (v: number) => status(checks.planValueCheck("cost-of-sales", v, 0.08, B));
    expect([0.0719, 0.072, 0.088, 0.0881].map(cos)).toEqual(["Watch", "OK", "OK", "Watch"]);
    const over = checks.planValueCheck("payout-to-target", 1.15, 1, B).message;
    const under = checks.planValueCheck("payout-to-target", 0.85, 1, B).message;
    expect(over).toMatch(/above plan/);
    expect(under).toMatch(/below plan/);
    expect(checks.planValueCheck("cost-of-sales", null, 0.08, B)).toMatchObject({
      status: "Watch",
      value: null,
    });
    expect(checks.planValueCheck("cost-of-sales", null, 0.08, B).message).toMatch(
      /add a Revenue column/
    );
  });

  test("concentration: Gini 0.15–0.45 (Act over 0.60), top-20% ≤ 50% (Act over 65%)", () => {
    expect(checks.concentrationCheck(0.45, 0.5, B).status).toBe("OK");
    expect(checks.concentrationCheck(0.4501, 0.4, B).status).toBe("Watch");
    expect(checks.concentrationCheck(0.3, 0.5001, B).status).toBe("Watch");
    expect(checks.concentrationCheck(0.6001, 0.4, B).status).toBe("Act");
    expect(checks.concentrationCheck(0.3, 0.6501, B).status).toBe("Act");
    expect(checks.concentrationCheck(0.1499, 0.3, B)).toMatchObject({
      status: "Watch",
      message: expect.stringMatching(/nearly equal/),
    });
  });

  test("realized alignment: a drop of exactly 0.1 is OK, more is Watch, more than 0.2 is Act", () => {
    const drift = (realized: number) => status(checks.alignmentDriftCheck(0.8, realized, [], B));
    expect([0.7, 0.6999, 0.6, 0.5999, 0.9].map(drift)).toEqual([
      "OK",
      "Watch",
      "Watch",
      "Act",
      "OK",
    ]);
    const objectives = [
      {
        kind: "objective" as const,
        objective: "Cloud",
        priorityShare: 0.6,
        designPayShare: 0.5,
        payoutShare: 0.3,
        gap: -0.3,
      },
      {
        kind: "objective" as const,
        objective: "Core",
        priorityShare: 0.4,
        designPayShare: 0.5,
        payoutShare: 0.7,
        gap: 0.3,
      },
    ];
    expect(checks.alignmentDriftCheck(0.9, 0.7, objectives, B).message).toMatch(
      /"Cloud" got 30% of payout against 60% of priority/
    );
    expect(checks.alignmentDriftCheck(null, 0.7, objectives, B)).toMatchObject({
      status: "Watch",
      band: "no design index",
    });
  });

  const row = (
    share: { reached: number; top: number; cap: number },
    capped = true
  ): MetricHealth => ({
    plan: "P",
    metric: "M",
    curve: "C",
    weight: 1,
    reps: 10000,
    threshold: 0.5,
    thresholdReached: share.reached * 10000,
    excellence: 1.25,
    excellenceRate: 1.5,
    excellenceReached: share.top * 10000,
    cap: capped ? 1.5 : null,
    atCap: capped ? share.cap * 10000 : 0,
  });

  test("threshold reach ≥ 90% (Act under 75%), excellence 5%–20% (Act over 35%), capped ≤ 15% (Act over 30%)", () => {
    const t = (reached: number) =>
      status(checks.thresholdReachCheck([row({ reached, top: 0.1, cap: 0.1 })], B));
    expect([0.9, 0.8999, 0.75, 0.7499].map(t)).toEqual(["OK", "Watch", "Watch", "Act"]);
    const e = (top: number) =>
      status(checks.excellenceReachCheck([row({ reached: 1, top, cap: 0 })], B));
    expect([0.0499, 0.05, 0.2, 0.2001, 0.35, 0.3501].map(e)).toEqual(
      statuses("Watch OK OK Watch Watch Act")
    );
    const c = (cap: number) =>
      status(checks.cappedRepsCheck([row({ reached: 1, top: cap, cap })], B));
    expect([0.15, 0.1501, 0.3, 0.3001].map(c)).toEqual(["OK", "Watch", "Watch", "Act"]);
    expect(
      checks.cappedRepsCheck([row({ reached: 1, top: 0.5, cap: 0.5 }, false)], B)
    ).toMatchObject({
      status: "OK",
      value: 0,
    });
    expect(checks.thresholdReachCheck([], B)).toMatchObject({ status: "Watch", value: null });
  });

  test("worst metric: with every metric in the band, the value is the one nearest the band's edge, not the first", () => {
    // The demo's Enterprise AE: Core Bookings 100% paid above 0 and 9.7% capped, Nimbus Cloud
    // 94.4% and 11.1%: both OK, and the "worst metric" value must be Cloud's.
    const first = { ...row({ reached: 1, top: 0.1, cap: 0.097 }), metric: "Core" };
    const second = { ...row({ reached: 0.944, top: 0.12, cap: 0.111 }), metric: "Cloud" };
    const threshold = checks.thresholdReachCheck([first, second], B);
    expect(threshold).toMatchObject({ status: "OK", value: 0.944 });
    const capped = checks.cappedRepsCheck([first, second], B);
    expect(capped).toMatchObject({ status: "OK", value: 0.111 });
    // Excellence (5%–20%): 10% is 5 points from the low edge, 12% is 8 from the high one.
    expect(checks.excellenceReachCheck([first, second], B)).toMatchObject({
      status: "OK",
      value: 0.1,
    });
    expect(
      checks.excellenceReachCheck([first, { ...second, excellenceReached: 0.19 * 10000 }], B)
    ).toMatchObject({ status: "OK", value: 0.19 });
    // Outside the band the farthest still wins, and a tie still goes to the first.
    const tied = { ...first, metric: "Tie" };
    expect(checks.thresholdReachCheck([first, tied], B).value).toBe(1);
    expect(
      checks.thresholdReachCheck(
        [
          { ...row({ reached: 0.85, top: 0.1, cap: 0 }), metric: "A" },
          { ...row({ reached: 0.8, top: 0.1, cap: 0 }), metric: "B" },
        ],
        B
      ).message
    ).toMatch(/^P \/ B: only 80% /);
  });
});

test("attainmentHistogram: edges belong to the bin above, within 1e-12 as share at quota counts", () => {
  expect(
    attainmentHistogram([0.4999, 0.5, 0.75, 1 - 1e-13, 1.25, 1.5, 3]).map((b) => b.reps)
  ).toEqual([1, 1, 1, 1, 1, 2]);
});
