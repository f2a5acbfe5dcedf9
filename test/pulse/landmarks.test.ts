/**
 * A curve's landmarks (threshold, target, excellence, cap): one function, used by the plan on a
 * page and by the pulse check, so they never disagree. Table-driven cases, the "Multi-product
 * Step" threshold regression, the same numbers on the plan page and in the pulse for every
 * curve of the sample and starter workbooks, and no two metric checks counting reps at the same
 * point under two names.
 */
import { explainPlans, writePlanPages } from "../../src/actions/explainPlans";
import { computePulse } from "../../src/actions/pulseCheck";
import { curveLandmarks, type CurveShape } from "../../src/engine/curveLandmarks";
import { explainPlans as explainEngine } from "../../src/engine/planExplain";
import { runPulse } from "../../src/engine/pulse";
import { defaultPulseSettings } from "../../src/engine/pulseSettings";
import { describeLandmarks } from "../../src/engine/planExplainFormat";
import { readPlan } from "../../src/model/readPlan";
import { readReps } from "../../src/model/readReps";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { starterSheets } from "../../src/reports/starterWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { curveRows, curvesSheet, matrixSheet, objectivesSheet } from "../helpers/planSheets";

jest.setTimeout(60_000);

const curve = (
  points: number[],
  rates: number[],
  method: CurveShape["method"] = "LINEAR",
  beyond: CurveShape["beyond"] = "CAP"
): CurveShape => ({ points, rates, method, beyond });

describe("curveLandmarks", () => {
  test.each([
    [
      "LINEAR ramp from a zero point: pays above it",
      curve([0.5, 1, 1.5], [0, 1, 2]),
      { threshold: 0.5, thresholdInclusive: false, target: 1, excellence: 1.25, cap: 1.5 },
    ],
    [
      "LINEAR cliff: pays at its first point",
      curve([0.8, 1, 1.1], [0.5, 1, 1.5]),
      { threshold: 0.8, thresholdInclusive: true, target: 1, excellence: null, cap: 1.1 },
    ],
    [
      "LINEAR with two zero points: pay starts above the second",
      curve([0.5, 0.7, 1, 2], [0, 0, 1, 2]),
      { threshold: 0.7, thresholdInclusive: false, target: 1, excellence: 1.5, cap: 2 },
    ],
    [
      "STEP: the first point that pays, never the zero point below it",
      curve([0.5, 0.75, 1, 1.25, 1.5], [0, 0.5, 1, 1.5, 2], "STEP"),
      { threshold: 0.75, thresholdInclusive: true, target: 1, excellence: 1.25, cap: 1.5 },
    ],
    [
      "EXTEND: no cap; excellence may lie beyond the last point",
      curve([0, 1], [0, 1], "LINEAR", "EXTEND"),
      { threshold: 0, thresholdInclusive: false, target: 1, excellence: 1.5, cap: null },
    ],
    [
      "capped where it first pays 150%: no excellence apart from the cap",
      curve([0.5, 1, 1.5], [0, 1, 1.5]),
      { threshold: 0.5, thresholdInclusive: false, target: 1, excellence: null, cap: 1.5 },
    ],
    [
      "never pays",
      curve([0.5, 1], [0, 0]),
      { threshold: null, target: null, excellence: null, cap: 1 },
    ],
  ])("%s", (_, shape, expected) => {
    expect(curveLandmarks(shape)).toMatchObject(expected);
  });

  test("the excellence rate is settable", () => {
    expect(curveLandmarks(curve([0.5, 1, 1.5], [0, 1, 2]), 1.2).excellence).toBeCloseTo(1.1, 12);
    expect(curveLandmarks(curve([0.5, 1, 1.5], [0, 1, 2]), 2).excellence).toBeNull();
  });
});

/** The case: Inside Sales on "Multi-product Step" (0.5→0, 0.75→0.5, 1→1, …). */
describe("regression: the threshold of a STEP curve is its first paying point", () => {
  const values = (attainments: number[]): SheetValue[][] => [
    ["Rep", "Plan", "Target Incentive", "Deals Quota", "Deals Actual"],
    ...attainments.map((a, i) => [`r${i + 1}`, "Inside Sales", 100, 100, a * 100]),
  ];
  // 10 reps: 2 between 0.5 and 0.75 (paid nothing on a STEP curve), 1 below 0.5.
  const attainments = [0.4, 0.55, 0.7, 0.75, 0.8, 0.9, 1, 1.1, 1.3, 1.6];
  const reps = { name: "Reps", values: values(attainments) };
  const { design } = readPlan({
    objectives: objectivesSheet(["Multi", 1]),
    matrix: matrixSheet(["Inside Sales", "Deals", "Multi", 1, "Multi-product Step"]),
    curves: curvesSheet(
      curveRows(
        "Multi-product Step",
        [
          [0.5, 0],
          [0.75, 0.5],
          [1, 1],
          [1.25, 1.5],
          [1.5, 2],
        ],
        "STEP",
        "CAP"
      )
    ),
    reps,
  });
  const pulse = runPulse(design, readReps(reps, ["Deals"]), defaultPulseSettings(), {
    today: "2026-11-30",
  });

  test("7 of 10 reach 75% (the first point that pays), not 9 of 10 reaching 50%", () => {
    expect(pulse.metricHealth[0]).toMatchObject({
      threshold: 0.75,
      thresholdReached: 7,
      excellence: 1.25,
      excellenceReached: 2,
      cap: 1.5,
      atCap: 1,
    });
    const check = pulse.checks.find((c) => c.id === "threshold-reach")!;
    expect(check.value).toBeCloseTo(0.7, 12);
    expect(check.status).toBe("Act");
    expect(check.message).toBe(
      "Inside Sales / Deals: 70% of reps reach the threshold (paid from 75% attainment), so 30% earn nothing on it; lower the threshold or fix that metric's quotas now."
    );
  });

  test("the plan page says the same: pays nothing below 75%", () => {
    const [plan] = explainEngine(design, null);
    expect(plan.metrics[0].curveDescription).toMatch(/^Pays nothing below 75% attainment/);
    expect(plan.metrics[0].landmarks).toMatchObject({
      threshold: 0.75,
      excellence: 1.25,
      cap: 1.5,
    });
  });
});

describe.each([
  ["the sample workbook", () => sampleSheets()],
  ["the starter workbook", () => starterSheets()],
  [
    "the sample workbook with Excellence Payout Rate 1.2 in Pulse Settings",
    () => [
      ...sampleSheets().filter((spec) => spec.name !== "Pulse Settings"),
      {
        name: "Pulse Settings",
        blocks: [
          {
            at: "A1",
            values: [
              ["Setting", "Value"],
              ["Excellence Payout Rate", 1.2],
            ],
          },
        ],
      },
    ],
  ],
])("%s: the plan page and the pulse give every curve the same landmarks", (name, sheets) => {
  let book: MemoryWorkbook;
  beforeAll(async () => {
    book = MemoryWorkbook.fromSheets([]);
    for (const spec of sheets()) await book.createSheet(spec);
  });

  test("threshold, excellence and cap per plan and metric, and on the plan page", async () => {
    const { plans } = await explainPlans(book);
    const { pulse } = await computePulse(book, { today: "2026-11-30" });
    expect(pulse.metricHealth.length).toBeGreaterThan(0);
    const rate = name.includes("1.2") ? 1.2 : 1.5;
    expect(pulse.settings.excellenceRate).toBe(rate);
    for (const p of plans)
      for (const m of p.metrics) expect(m.landmarks!.excellenceRate).toBe(rate);
    for (const row of pulse.metricHealth) {
      const metric = plans
        .find((p) => p.plan === row.plan)!
        .metrics.find((m) => m.metric === row.metric)!;
      const l = metric.landmarks!;
      expect([row.plan, row.metric, row.threshold, row.excellence, row.cap]).toEqual([
        row.plan,
        row.metric,
        l.threshold,
        l.excellence,
        l.cap,
      ]);
    }
    // The plan page prints those numbers under each curve.
    const written = await writePlanPages(book);
    for (const { name } of written.sheets) {
      const [data] = await book.readSheets([name]);
      const text = data!.values
        .flat()
        .filter((v) => typeof v === "string")
        .join("\n");
      const plan = plans.find((p) => name === `Plan - ${p.plan}`)!;
      for (const m of plan.metrics) expect(text).toContain(describeLandmarks(m.landmarks!));
    }
  });

  test("no two metric checks count reps at the same point: threshold < excellence < cap", async () => {
    const { pulse } = await computePulse(book, { today: "2026-11-30" });
    for (const row of pulse.metricHealth) {
      const points = [row.threshold, row.excellence, row.cap].filter((p) => p !== null);
      expect(new Set(points).size).toBe(points.length);
      if (row.excellence !== null && row.cap !== null) expect(row.excellence).toBeLessThan(row.cap);
      if (row.threshold !== null && row.excellence !== null)
        expect(row.threshold).toBeLessThan(row.excellence);
    }
    // Excellence and capped-reps details name different points for the same metric.
    const points = (id: string) =>
      new Map(
        pulse.checks
          .find((c) => c.id === id)!
          .details!.flatMap((d) =>
            d.kind === "metric" ? [[`${d.plan}/${d.metric}`, d.point]] : []
          )
          .map(([k, p]) => [k as string, p as number])
      );
    const excellence = points("excellence-reach");
    const cap = points("capped-reps");
    for (const [k, p] of excellence) if (cap.has(k)) expect(cap.get(k)).not.toBe(p);
  });
});
