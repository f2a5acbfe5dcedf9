/**
 * The plan on a page, computed by hand on the tiny design of fixture.ts: the median target
 * incentive (odd and even rep counts, no reps), the earnings table at all five attainments
 * (through a threshold, a cliff and caps), the "how to earn more" choice (a steeper curve beating
 * a higher weight; ties broken by weight, then Matrix order; nothing when every curve is flat at
 * target), the complexity warning on both triggers and at the boundary, and the talking points.
 */
import { explainPlans as explainAction } from "../../src/actions/explainPlans";
import {
  bestMarginal,
  EARNINGS_ATTAINMENTS,
  explainPlans,
  medianOf,
  type PlanExplanation,
} from "../../src/engine/planExplain";
import { describeCurve, groupedNumber, money } from "../../src/engine/planExplainFormat";
import { allTalkingPoints, talkingPoints } from "../../src/engine/planExplainText";
import { readPlan } from "../../src/model/readPlan";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { CURVES, MATRIX, OBJECTIVES, SHEETS } from "./fixture";
import { matrixSheet } from "../helpers/planSheets";

async function explained() {
  return explainAction(MemoryWorkbook.fromSheets(SHEETS));
}

const byName = <P extends PlanExplanation>(plans: P[], name: string) =>
  plans.find((p) => p.plan === name)!;

describe("median target incentive (PERCENTILE.INC at 0.5)", () => {
  it("odd count: the middle value; even count: the mean of the two middle values; none: null", () => {
    expect(medianOf([10000, 30000, 20000])).toBe(20000);
    // sorted 4,000 6,000 8,000 10,000: (6,000 + 8,000) / 2
    expect(medianOf([4000, 10000, 6000, 8000])).toBe(7000);
    expect(medianOf([5])).toBe(5);
    expect(medianOf([])).toBeNull();
  });

  it.each([
    // Ann 10,000, Bo ("ae") 30,000, Cy 20,000; Di "n/a" left out → median of 3 = 20,000.
    [
      "AE",
      20000,
      {
        source: "reps",
        reps: 3,
        note: "Amounts are for the median target incentive of the 3 reps on AE: $20,000.",
      },
    ],
    [
      "Pair",
      1,
      {
        source: "no-reps-on-plan",
        reps: 0,
        note: "No rep in Reps is on Pair, so amounts are shown as a share of target incentive (a target incentive of 1).",
      },
    ],
  ])(
    "%s: median target incentive %d from Reps (names ignoring case, unusable cells left out), and its basis",
    async (plan, median, basis) => {
      const { plans } = await explained();
      expect(byName(plans, plan).medianTargetIncentive).toBe(median);
      expect(byName(plans, plan).targetIncentiveBasis).toEqual(basis);
    }
  );

  it("SDR's median of four reps; a workbook without Reps uses 1 and says so", async () => {
    const { plans } = await explained();
    expect(byName(plans, "SDR").medianTargetIncentive).toBe(7000);
    expect(byName(plans, "SDR").targetIncentiveBasis.reps).toBe(4);
    const { design } = readPlan({
      objectives: OBJECTIVES,
      matrix: MATRIX,
      curves: CURVES,
      reps: null,
    });
    const ae = byName(explainPlans(design, null), "AE");
    expect(ae.medianTargetIncentive).toBe(1);
    expect(ae.targetIncentiveBasis.source).toBe("no-reps-sheet");
    expect(ae.targetIncentiveBasis.note).toMatch(/^There is no Reps sheet/);
    // Earnings then read as multiples of target: Σ w × curve(a) × 1.
    expect(ae.earnings.map((e) => e.earnings)).toEqual(ae.earnings.map((e) => e.rate));
  });
});

describe("earnings at 50/75/100/125/150% on every metric", () => {
  it("AE: a ramp, a cliff below its threshold, and both caps", async () => {
    const ae = byName((await explained()).plans, "AE");
    expect(ae.earnings.map((e) => e.attainment)).toEqual([...EARNINGS_ATTAINMENTS]);
    // 50%:  Ramp(0.5) = 0; Cliff(0.5) = 0 (below its first point 0.8)        → 0
    // 75%:  Ramp(0.75) = 0.5 → 0.6 × 0.5 = 0.3; Cliff(0.75) = 0 (cliff at 0.8) → 0.3 × 20,000 = 6,000
    // 100%: 0.6 × 1 + 0.4 × 1 = 1                                               → 20,000
    // 125%: Ramp 1 + 0.25/0.5 = 1.5 → 0.9; Cliff capped at 1.5 (from 110%) → 0.6; 1.5 → 30,000
    // 150%: Ramp 2 (its cap) → 1.2; Cliff 1.5 → 0.6; 1.8                         → 36,000
    const rates = [0, 0.3, 1, 1.5, 1.8];
    const earnings = [0, 6000, 20000, 30000, 36000];
    ae.earnings.forEach((e, i) => {
      expect(e.rate).toBeCloseTo(rates[i], 12);
      expect(e.earnings).toBeCloseTo(earnings[i], 8);
    });
  });

  it("SDR: three metrics, the median of an even count", async () => {
    const sdr = byName((await explained()).plans, "SDR");
    // 75%:  Steep(0.75) = 0.5, Ramp(0.75) = 0.5 → 0.5          × 7,000 = 3,500
    // 125%: Steep capped 2 → 0.25 × 2 = 0.5; Ramp 1.5 → 0.75 × 1.5 = 1.125; 1.625 → 11,375
    // 150%: every curve at 2 → 2                                 → 14,000
    const earnings = [0, 3500, 7000, 11375, 14000];
    sdr.earnings.forEach((e, i) => expect(e.earnings).toBeCloseTo(earnings[i], 8));
  });
});

describe("how to earn more: one more point (+0.01) for a rep at target", () => {
  it("a steeper curve beats a higher weight (AE: Cloud ARR 40% on a slope-5 curve over Core 60% on slope 2)", async () => {
    const ae = byName((await explained()).plans, "AE");
    // Core:  Ramp(1.01) − Ramp(1) = 0.02;  × 0.6 × 20,000 = 240
    // Cloud: Cliff(1.01) − Cliff(1) = 0.05; × 0.4 × 20,000 = 400
    expect(ae.metrics.map((m) => m.perPointAtTarget)).toEqual([
      expect.closeTo(240, 8),
      expect.closeTo(400, 8),
    ]);
    expect(ae.howToEarnMore).toEqual({
      metric: "Cloud ARR",
      perPoint: expect.closeTo(400, 8),
      message:
        "At target (100% on every metric), each extra point of Cloud ARR attainment pays $400 more: the most of any metric in this plan (one more point pays $240 on Core Bookings).",
    });
  });

  it("a tie on the amount goes to the higher weight, even when it comes later in Matrix", async () => {
    const sdr = byName((await explained()).plans, "SDR");
    // Meetings 0.04 × 0.25 × 7,000 = 70; Pipeline 0.02 × 0.5 × 7,000 = 70; Renewals 0.02 × 0.25 × 7,000 = 35
    expect(sdr.metrics.map((m) => m.perPointAtTarget)).toEqual([
      expect.closeTo(70, 8),
      expect.closeTo(70, 8),
      expect.closeTo(35, 8),
    ]);
    expect(sdr.howToEarnMore.metric).toBe("Pipeline");
    expect(sdr.howToEarnMore.message).toContain(
      "(one more point pays $70 on Meetings and $35 on Renewals)"
    );
  });

  it("a tie on amount and weight goes to the metric first in Matrix; amounts read as shares of target without reps", async () => {
    const pair = byName((await explained()).plans, "Pair");
    // X and Y: 0.02 × 0.5 × 1 = 0.01 each.
    expect(pair.howToEarnMore.metric).toBe("X");
    expect(pair.howToEarnMore.perPoint).toBeCloseTo(0.01, 12);
    expect(pair.howToEarnMore.message).toContain(
      "each extra point of X attainment pays 1% of target incentive more"
    );
    expect(
      bestMarginal([
        { metric: "a", weight: 0.5, perPointAtTarget: 0.01 },
        { metric: "b", weight: 0.5, perPointAtTarget: 0.01 + 1e-15 },
      ])
    ).toBe(0);
  });

  it("no metric when one more point pays nothing anywhere (a STEP curve between steps)", async () => {
    const steps = byName((await explained()).plans, "Steps");
    expect(steps.metrics[0].perPointAtTarget).toBe(0);
    expect(steps.howToEarnMore).toEqual({
      metric: null,
      perPoint: 0,
      message:
        "At target (100% on every metric), one more point of attainment pays nothing more on any metric: every curve is flat or capped there.",
    });
  });
});

describe("complexity and the five-minute rule", () => {
  it("counts metrics, the most curve points and modifiers (0), with no warning within the rule", async () => {
    const { plans } = await explained();
    expect(byName(plans, "AE").complexity).toMatchObject({
      metrics: 2,
      maxCurvePoints: 3,
      modifiers: 0,
      warning: null,
    });
    expect(byName(plans, "AE").complexity.modifiersNote).toMatch(/Matrix has no modifier column/);
    // Exactly 3 metrics and exactly 5 points keep the rule.
    expect(byName(plans, "SDR").complexity.warning).toBeNull();
    expect(byName(plans, "Steps").complexity).toMatchObject({ maxCurvePoints: 5, warning: null });
  });

  it("warns on more than 3 metrics", async () => {
    const busy = byName((await explained()).plans, "Busy");
    expect(busy.complexity.metrics).toBe(4);
    expect(busy.complexity.warning).toBe(
      "Busy breaks the five-minute rule: it has 4 metrics (keep it to 3). A rep may not understand it in five minutes; simplify before kickoff."
    );
  });

  it("warns on more than 5 points on a curve", async () => {
    const wiggly = byName((await explained()).plans, "Wiggly");
    expect(wiggly.complexity.maxCurvePoints).toBe(6);
    expect(wiggly.complexity.warning).toBe(
      "Wiggly breaks the five-minute rule: its curves have more than 5 points: W (6). A rep may not understand it in five minutes; simplify before kickoff."
    );
  });
});

describe("what the page says", () => {
  it("objectives with their Why and the share of pay serving them, behaviours once each, metric curves", async () => {
    const { plans } = await explained();
    const ae = byName(plans, "AE");
    expect(ae.objectives).toEqual([
      { objective: "Keep core", why: "Core pays the bills.", weight: 0.6 },
      { objective: "Grow cloud", why: "Cloud is where customers are going.", weight: 0.4 },
    ]);
    const sdr = byName(plans, "SDR");
    expect(sdr.objectives).toEqual([
      { objective: "Build pipeline", why: "", weight: 0.75 },
      { objective: "Keep core", why: "Core pays the bills.", weight: 0.25 },
    ]);
    expect(sdr.behaviors).toEqual(["Book first meetings", "Qualify pipeline"]);
    expect(ae.metrics[1]).toMatchObject({
      metric: "Cloud ARR",
      weight: 0.4,
      curve: "Cliff",
      method: "LINEAR",
      beyond: "CAP",
      points: [
        [0.8, 0.5],
        [1, 1],
        [1.1, 1.5],
      ],
      problem: null,
    });
    expect(ae.metrics[1].curveDescription).toBe(
      "Pays 50% of target as soon as you reach 80% attainment and nothing below it; rises in a straight line between the points; is capped at 150% of target from 110% attainment."
    );
    expect(ae.problems).toEqual([]);
  });

  it("an unknown curve and weights off 100% are problems, and the metric pays nothing", () => {
    const { design } = readPlan({
      objectives: OBJECTIVES,
      matrix: matrixSheet(
        ["Odd", "A", "Keep core", 0.5, "Ramp"],
        ["Odd", "B", "Keep core", 0.4, "Nope"]
      ),
      curves: CURVES,
      reps: null,
    });
    const [odd] = explainPlans(design, null);
    expect(odd.problems).toEqual([
      'B uses curve "Nope", which is not defined in Curves; it counts as paying nothing here until that is fixed.',
      "The weights of Odd sum to 90%, not 100%, so the amounts are off until that is fixed.",
    ]);
    expect(odd.metrics[1].points).toEqual([]);
    // 100%: only A pays, 0.5 × 1.
    expect(odd.earnings[2].rate).toBeCloseTo(0.5, 12);
  });

  it("describes STEP and uncapped curves in words", () => {
    expect(
      describeCurve({ points: [0.5, 0.75, 1], rates: [0, 0.5, 1], method: "STEP", beyond: "CAP" })
    ).toBe(
      "Pays nothing below 75% attainment, then 50% of target; in steps, the rate of the highest point you reach, up to 100% of target from 100% attainment."
    );
    expect(
      describeCurve({ points: [0, 1], rates: [0, 1], method: "LINEAR", beyond: "EXTEND" })
    ).toBe(
      "Pays from the first dollar; rises in a straight line between the points; keeps rising past 100% attainment at the same rate (no cap)."
    );
    expect(money(1234567.8)).toBe("$1,234,568");
    expect(money(37.5)).toBe("$37.50");
    expect(groupedNumber(12)).toBe("12");
  });

  it("talking points: why, growth, behaviours, earnings, how to earn more, complexity", async () => {
    const { plans, text } = await explained();
    const ae = byName(plans, "AE");
    const points = talkingPoints(ae);
    expect(points).toBe(ae.talkingPoints);
    expect(points.split("\n").slice(0, 6)).toEqual([
      "AE: your plan on a page",
      "",
      "Why this plan",
      "- Keep core (60% of your target incentive): Core pays the bills.",
      "- Grow cloud (40% of your target incentive): Cloud is where customers are going.",
      "",
    ]);
    expect(points).toContain(
      "How it supports growth\n- Core Bookings (60% of your target incentive), serves “Keep core”. Core still funds us."
    );
    expect(points).toContain(
      "Which behaviours count\n- Renew core licences\n- Sell cloud subscriptions\n"
    );
    expect(points).toContain("- 75% on every metric: $6,000 (30% of target incentive)");
    expect(points).toContain("- 150% on every metric: $36,000 (180% of target incentive)");
    expect(points).toContain(`How to earn more\n${ae.howToEarnMore.message}`);
    expect(points).toContain(
      "Plan complexity\n2 metrics, up to 3 curve points on a metric, 0 modifiers."
    );
    expect(talkingPoints(byName(plans, "Busy"))).toContain(
      "Warning: Busy breaks the five-minute rule"
    );
    expect(text).toBe(allTalkingPoints(plans));
    expect(text.indexOf("AE: your plan")).toBeLessThan(text.indexOf("SDR: your plan"));
    expect(allTalkingPoints([])).toBe("The Matrix has no plans yet.\n");
  });
});
