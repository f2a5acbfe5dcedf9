/**
 * The plan pulse check: is the plan doing, this period, what it was designed to do? Computed on
 * the workbook's actuals through the scenario engine's Baseline (the plan as designed, rep by
 * rep, data issues left out), then held against healthy bands (src/engine/pulseChecks.ts),
 * plan by plan and for the company.
 *
 * Pure: no clock. The label of the period is the Pulse Settings `Period`, else the fiscal
 * quarter (`2026 Q4`) of the `today` date the caller passes in.
 *
 * Pacing: when Pulse Settings gives `Period Share Of Year` s (actuals cover s of the year the
 * quotas cover), every quota, target incentive and base salary is multiplied by s before
 * anything is computed, so half-year actuals against annual quotas read as a full period.
 *
 * Measures, over a group's computed reps (a plan's, or the company's):
 * - share at quota: weighted attainment ≥ 100%;
 * - pay for performance: Spearman rank correlation (average ranks for ties) of weighted
 *   attainment and payout ÷ target incentive over reps with a target above 0, both rounded to
 *   9 decimals first so values equal but for floating-point noise tie;
 * - payout % of target at the 10th and 90th percentile (PERCENTILE.INC);
 * - payout to target, incentive cost of sales (payout ÷ Revenue);
 * - concentration: Gini and top-20% share of payout % of target (not of payout dollars, so a
 *   mix of roles with different target incentives does not read as concentration);
 * - per plan and paid metric (weight > 0): reps paid above 0 on it (the threshold), at or
 *   beyond its excellence point, and at or beyond its cap: the curve's landmarks
 *   (src/engine/curveLandmarks.ts), exactly as the curve sees attainment;
 * - per objective: priority share, design pay share and share of actual payout; a plan counts
 *   only the objectives it serves, their priorities re-based to 100%;
 * - pay mix: Σ base ÷ Σ (base + target incentive);
 * - pay for outcomes: Spearman of payout ÷ target incentive and Gross Margin ÷ Revenue.
 *
 * Which company checks are the worst of the plans' (PER_PLAN_CHECKS) and which are measured on
 * the company's totals (COMPANY_CHECKS) is documented in docs/workbook.md.
 */
import { designShares } from "./alignmentRules";
import { curveLandmarks, reaches, reachesThreshold } from "./curveLandmarks";
import { gini, percentilesInc, spearman, topShare } from "./distribution";
import type { PlanDesign } from "./plan";
import {
  JUDGED_STATUSES,
  PULSE_CHECKS,
  PULSE_CHECK_COMPUTE,
  statusRank,
  worstStatus,
  type GroupMeasures,
  type MetricHealth,
  type ObjectiveDetail,
  type PulseCheck,
  type PulseCheckId,
} from "./pulseChecks";
import { GENERAL_PULSE_SETTINGS, type PulseSettings } from "./pulseSettings";
import type { RepTable } from "./reps";
import { ALL } from "./scenarioChanges";
import {
  computeScenario,
  prepareRun,
  type DataIssue,
  type PreparedRun,
  type ScenarioFigures,
  type ScenarioResult,
} from "./scenarioRunner";
import { nameKey } from "./nameKey";
import { alignmentOfShares } from "./alignment";

export interface PulseOptions {
  /** The run date as yyyy-mm-dd: its fiscal quarter labels the period when Pulse Settings has no Period. */
  today: string;
}

/** Weighted attainment bins of the histogram: [from, to) with 1e-12 slack as share-at-quota has. */
export const ATTAINMENT_BIN_EDGES = [0.5, 0.75, 1, 1.25, 1.5] as const;

/**
 * Checks whose company status is the worst of the plans' (each plan has its own reps, quotas
 * and curves, so pooling them would hide a plan outside its band): `perPlan` in PULSE_CHECKS.
 */
export const PER_PLAN_CHECKS: readonly PulseCheckId[] = PULSE_CHECKS.filter((c) => c.perPlan).map(
  (c) => c.id
);

/** Checks measured on the company's totals (one budget, one set of priorities); plans show theirs. */
export const COMPANY_CHECKS: readonly PulseCheckId[] = PULSE_CHECKS.filter((c) => !c.perPlan).map(
  (c) => c.id
);

/** Checks "Too few reps" never replaces (pay mix is policy, not a statistic of the reps). */
const NOT_STATISTICAL: readonly PulseCheckId[] = PULSE_CHECKS.filter((c) => !c.statistical).map(
  (c) => c.id
);

export type { GroupMeasures };

export interface HistogramBin {
  label: string;
  /** Inclusive lower edge (null: open below). */
  from: number | null;
  /** Exclusive upper edge (null: open above). */
  to: number | null;
  reps: number;
}

/** One computed rep with a target above 0: the scatter's point. */
export interface PulsePoint {
  rep: string;
  plan: string;
  weightedAttainment: number;
  payoutPctOfTarget: number;
}

export interface PlanPulse {
  plan: string;
  /** Computed reps on the plan. */
  reps: number;
  checks: PulseCheck[];
  measures: GroupMeasures;
}

export interface PulseResult {
  /** The period label (Pulse Settings Period, else the fiscal quarter of `today`). */
  label: string;
  /** Company checks, in PULSE_CHECK_IDS order. */
  checks: PulseCheck[];
  /** The same checks plan by plan (plans in Reps order). */
  plans: PlanPulse[];
  /** Reps computed; the others are data issues. */
  computedReps: number;
  dataIssues: DataIssue[];
  /** The Baseline figures of the period's actuals (after pacing). */
  figures: ScenarioFigures;
  company: GroupMeasures;
  spearman: number | null;
  top20Share: number | null;
  designAlignmentIndex: number | null;
  metricHealth: MetricHealth[];
  objectives: ObjectiveDetail[];
  histogram: HistogramBin[];
  points: PulsePoint[];
  /** Plan values and bands the checks used. */
  settings: PulseSettings;
}

/** Rounded to 9 decimals (keeps ties that floating-point noise would split). */
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The fiscal quarter of a yyyy-mm-dd date: "2026 Q4". The fiscal year starts on the first of
 * `startMonth` (1 = January) and is named for the calendar year it ends in; text that is not a
 * date is returned as it is.
 */
export function fiscalQuarterLabel(date: string, startMonth = 1): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (!m) return date;
  const year = +m[1];
  const month = +m[2];
  const offset = (month - startMonth + 12) % 12;
  const quarter = Math.floor(offset / 3) + 1;
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  return `${fiscalYear} Q${quarter}`;
}

const binLabel = (from: number | null, to: number | null) => {
  const p = (x: number) => `${Math.round(x * 100)}%`;
  if (from === null) return `<${p(to!)}`;
  if (to === null) return `≥${p(from)}`;
  return `${p(from)}–${p(to)}`;
};

/** How many of the weighted attainments fall in each bin (<50%, 50–75%, …, ≥150%). */
export function attainmentHistogram(attainments: ArrayLike<number>): HistogramBin[] {
  const edges = ATTAINMENT_BIN_EDGES;
  const bins: HistogramBin[] = [null, ...edges].map((from, i) => {
    const to = i < edges.length ? edges[i] : null;
    return { label: binLabel(from, to), from, to, reps: 0 };
  });
  for (let k = 0; k < attainments.length; k++) {
    const wa = attainments[k];
    let bin = 0;
    while (bin < edges.length && wa >= edges[bin] - 1e-12) bin++;
    bins[bin].reps++;
  }
  return bins;
}

/** The rep table with quotas, target incentives and base salaries multiplied by `share`. */
export function pacedReps(reps: RepTable, share: number): RepTable {
  if (share === 1) return reps;
  const scaled = (column: Float64Array) => column.map((x) => x * share);
  const quota = new Map<string, Float64Array>();
  for (const [k, column] of reps.quota) quota.set(k, scaled(column));
  return {
    ...reps,
    targetIncentive: scaled(reps.targetIncentive),
    baseSalary: reps.baseSalary ? scaled(reps.baseSalary) : null,
    quota,
    describe: reps.describe.bind(reps),
  };
}

/** Threshold, excellence and cap counts per plan and paid metric, in Matrix order. */
function metricHealth(
  run: PreparedRun,
  baseline: ScenarioResult,
  members: number[][],
  excellenceRate: number
): MetricHealth[] {
  const model = run.models[0];
  const { plans } = run;
  const rows: MetricHealth[] = [];
  plans.keys.forEach((planKey, g) => {
    const comps = model.variants.get(planKey)?.get(ALL);
    if (!comps) return;
    for (const c of comps) {
      if (!(c.weight > 0)) continue;
      const attainment = baseline.reps.attainment.get(c.metricKey)!;
      const l = curveLandmarks(c.curve, excellenceRate);
      let thresholdReached = 0;
      let excellenceReached = 0;
      let atCap = 0;
      for (const i of members[g]) {
        const a = attainment[i];
        if (reachesThreshold(l, a)) thresholdReached++;
        if (reaches(l.excellence, a)) excellenceReached++;
        if (reaches(l.cap, a)) atCap++;
      }
      rows.push({
        plan: plans.labels[g],
        metric: c.metric,
        curve: c.curve.name,
        weight: c.weight,
        reps: members[g].length,
        threshold: l.threshold,
        thresholdReached,
        excellence: l.excellence,
        excellenceRate,
        excellenceReached,
        cap: l.cap,
        atCap,
      });
    }
  });
  // Matrix order (plans appear in Reps order above).
  const order = new Map(
    run.design.components.map((c, i) => [`${nameKey(c.plan)}\u0000${nameKey(c.metric)}`, i])
  );
  const at = (r: MetricHealth) =>
    order.get(`${nameKey(r.plan)}\u0000${nameKey(r.metric)}`) ?? Infinity;
  return rows.sort((a, b) => at(a) - at(b));
}

const sumIndex = (objectives: ObjectiveDetail[], share: (o: ObjectiveDetail) => number | null) =>
  alignmentOfShares(objectives.map((o) => [o.priorityShare, share(o) ?? 0]));

/** A plan's objectives: those its paid components serve, priorities re-based over them. */
function planObjectives(
  run: PreparedRun,
  planKey: string,
  members: number[],
  baseline: ScenarioResult
): { objectives: ObjectiveDetail[]; design: number | null; realized: number | null } {
  const comps = run.models[0].variants.get(planKey)?.get(ALL) ?? [];
  const priority = new Map(run.design.objectives.map((o) => [nameKey(o.name), o]));
  const byObjective = new Map<string, { name: string; weight: number; paid: number }>();
  let totalWeight = 0;
  let totalPaid = 0;
  for (const c of comps) {
    if (!(c.weight > 0)) continue;
    const k = nameKey(c.objective);
    const entry = byObjective.get(k) ?? {
      name: priority.get(k)?.name ?? (c.objective || "(no objective)"),
      weight: 0,
      paid: 0,
    };
    entry.weight += c.weight;
    totalWeight += c.weight;
    const paid = baseline.reps.metricPayout.get(c.metricKey)!;
    for (const i of members) {
      entry.paid += paid[i];
      totalPaid += paid[i];
    }
    byObjective.set(k, entry);
  }
  let totalPriority = 0;
  for (const k of byObjective.keys()) totalPriority += priority.get(k)?.priority ?? 0;
  const objectives: ObjectiveDetail[] = [...byObjective].map(([k, e]) => {
    const priorityShare = totalPriority > 0 ? (priority.get(k)?.priority ?? 0) / totalPriority : 0;
    const payoutShare = totalPaid > 0 ? e.paid / totalPaid : null;
    return {
      kind: "objective",
      objective: e.name,
      priorityShare,
      designPayShare: totalWeight > 0 ? e.weight / totalWeight : 0,
      payoutShare,
      gap: payoutShare === null ? null : payoutShare - priorityShare,
    };
  });
  const design =
    totalPriority > 0 && totalWeight > 0 ? sumIndex(objectives, (o) => o.designPayShare) : null;
  const realized =
    design !== null && totalPaid > 0 ? sumIndex(objectives, (o) => o.payoutShare) : null;
  return { objectives, design, realized };
}

/** Everything a group's checks need, over the group's computed reps. */
function measure(
  run: PreparedRun,
  baseline: ScenarioResult,
  members: number[],
  alignment: { objectives: ObjectiveDetail[]; design: number | null; realized: number | null }
): GroupMeasures {
  const { reps } = run;
  const r = baseline.reps;
  const ratios: number[] = [];
  const rankX: number[] = [];
  const rankY: number[] = [];
  const outX: number[] = [];
  const outY: number[] = [];
  let atQuota = 0;
  let payout = 0;
  let ti = 0;
  let revenue = 0;
  let base = 0;
  let baseTi = 0;
  for (const i of members) {
    const wa = r.weightedAttainment[i];
    if (wa >= 1 - 1e-12) atQuota++;
    payout += r.payout[i];
    ti += r.targetIncentive[i];
    if (reps.revenue) revenue += reps.revenue[i];
    if (reps.baseSalary && Number.isFinite(reps.baseSalary[i])) {
      base += reps.baseSalary[i];
      baseTi += reps.baseSalary[i] + r.targetIncentive[i];
    }
    if (r.targetIncentive[i] > 0) {
      const ratio = r.payout[i] / r.targetIncentive[i];
      ratios.push(ratio);
      rankX.push(round9(wa));
      rankY.push(round9(ratio));
      const rev = reps.revenue?.[i] ?? NaN;
      const gm = reps.grossMargin?.[i] ?? NaN;
      if (rev > 0 && Number.isFinite(gm)) {
        outX.push(round9(ratio));
        outY.push(round9(gm / rev));
      }
    }
  }
  const n = members.length;
  const [p10, p90] = ratios.length > 0 ? percentilesInc(ratios, [0.1, 0.9]) : [null, null];
  const ratioSum = ratios.reduce((s, x) => s + x, 0);
  const nonNegative = ratios.every((x) => x >= 0);
  return {
    reps: n,
    shareAtQuota: n > 0 ? atQuota / n : null,
    spearman: spearman(rankX, rankY),
    p10,
    p90,
    payoutToTarget: ti > 0 ? payout / ti : null,
    incentiveCostOfSales: reps.revenue && revenue > 0 ? payout / revenue : null,
    gini: ratios.length > 0 && nonNegative ? gini(ratios) : null,
    top20Share: ratioSum > 0 && nonNegative ? topShare(ratios, 0.2) : null,
    payMix: reps.baseSalary && baseTi > 0 ? base / baseTi : null,
    payForOutcomes: spearman(outX, outY),
    designAlignmentIndex: alignment.design,
    realizedAlignmentIndex: alignment.realized,
    objectives: alignment.objectives,
  };
}

/** Every check of one group, in PULSE_CHECKS order. */
function groupChecks(
  measures: GroupMeasures,
  health: MetricHealth[],
  settings: PulseSettings,
  reps: RepTable
): PulseCheck[] {
  const columns = {
    baseSalary: !!reps.baseSalary,
    revenue: !!reps.revenue,
    grossMargin: !!reps.grossMargin,
  };
  return PULSE_CHECKS.map((c) =>
    PULSE_CHECK_COMPUTE[c.id]({ measures, health, settings, columns })
  );
}

const judged = (c: PulseCheck) => JUDGED_STATUSES.includes(c.status);

/** A judged check of a group with fewer than the minimum reps becomes "Too few reps", value kept. */
function tooFew(checks: PulseCheck[], who: string, reps: number, min: number): PulseCheck[] {
  if (reps >= min) return checks;
  return checks.map((c) =>
    judged(c) && !NOT_STATISTICAL.includes(c.id)
      ? {
          ...c,
          status: "Too few reps",
          message: `Not judged: ${who} has ${reps} computed rep${reps === 1 ? "" : "s"}, fewer than the ${min} a judgement needs (Min Reps Per Plan); the value is shown for information.`,
        }
      : c
  );
}

/**
 * A company check that is the worst of the plans': the status of the worst judged plan (ties:
 * the larger plan, then Reps order), its value, and its message naming it. With every plan in
 * the band, the largest plan's value is shown. When no plan could be judged, the status is the
 * worst of what they say (Not set, Too few reps) and the value the company-wide one.
 */
function worstOfPlans(id: PulseCheckId, plans: PlanPulse[], company: PulseCheck): PulseCheck {
  const entries = plans.map((p) => ({ plan: p, check: p.checks.find((c) => c.id === id)! }));
  const details = entries.flatMap((e) => e.check.details ?? []);
  const withDetails = (c: PulseCheck): PulseCheck =>
    details.length > 0 ? { ...c, details } : { ...c, details: undefined };
  const scored = entries.filter((e) => judged(e.check));
  if (scored.length === 0) {
    const status =
      entries.length > 0 ? worstStatus(entries.map((e) => e.check.status)) : company.status;
    const message =
      entries.length === 0
        ? company.message
        : status === "Too few reps"
          ? `Not judged: no plan has the minimum number of computed reps (${plans.map((p) => `${p.plan} ${p.reps}`).join(", ")}); the company-wide value is shown for information.`
          : entries.find((e) => e.check.status === status)!.check.message;
    return strip(withDetails({ ...company, status, message }));
  }
  const worst = scored.reduce((w, e) =>
    statusRank(e.check.status) > statusRank(w.check.status) ||
    (statusRank(e.check.status) === statusRank(w.check.status) && e.plan.reps > w.plan.reps)
      ? e
      : w
  );
  const skipped = entries.length - scored.length;
  const note =
    skipped > 0
      ? ` (${skipped} plan${skipped === 1 ? "" : "s"} not judged: see the plan table.)`
      : "";
  const named = worst.check.message.startsWith(worst.plan.plan)
    ? worst.check.message
    : `${worst.plan.plan}: ${worst.check.message}`;
  const message =
    worst.check.status === "OK"
      ? `Every plan judged is in the band (largest, ${worst.plan.plan}, shown): ${worst.check.message}${note}`
      : `${named}${note}`;
  return strip(withDetails({ ...worst.check, message }));
}

const strip = (c: PulseCheck): PulseCheck => {
  if (c.details === undefined) {
    const { details: _omit, ...rest } = c;
    void _omit;
    return rest;
  }
  return c;
};

/** The checks and what the Pulse Check tab shows, from a prepared run and its Baseline. */
export function pulseFromRun(
  run: PreparedRun,
  baseline: ScenarioResult,
  settings: PulseSettings,
  options: PulseOptions
): PulseResult {
  const { reps, included } = run;
  const f = baseline.figures;
  const min = settings.minReps;

  const members: number[][] = run.plans.keys.map(() => []);
  const all: number[] = [];
  const attainments: number[] = [];
  const points: PulsePoint[] = [];
  for (let i = 0; i < reps.count; i++) {
    if (!included[i]) continue;
    members[run.plans.of[i]].push(i);
    all.push(i);
    const wa = baseline.reps.weightedAttainment[i];
    const ti = baseline.reps.targetIncentive[i];
    attainments.push(wa);
    if (ti > 0)
      points.push({
        rep: reps.names[i],
        plan: run.plans.labels[run.plans.of[i]],
        weightedAttainment: wa,
        payoutPctOfTarget: baseline.reps.payout[i] / ti,
      });
  }

  const health = metricHealth(run, baseline, members, settings.excellenceRate);
  const plans: PlanPulse[] = [];
  run.plans.keys.forEach((planKey, g) => {
    if (members[g].length === 0) return;
    const label = run.plans.labels[g];
    const m = measure(
      run,
      baseline,
      members[g],
      planObjectives(run, planKey, members[g], baseline)
    );
    const rows = health.filter((h) => nameKey(h.plan) === nameKey(label));
    plans.push({
      plan: label,
      reps: members[g].length,
      checks: tooFew(groupChecks(m, rows, settings, reps), label, members[g].length, min),
      measures: m,
    });
  });

  // Company: alignment on the design's shares and the Baseline's payout by objective.
  const shares = designShares(run.design);
  const objectives: ObjectiveDetail[] = shares.objectives.map((o) => {
    const paid = f.totalPayout > 0 ? (f.payoutByObjective[o.objective] ?? 0) / f.totalPayout : null;
    return {
      kind: "objective",
      objective: o.objective,
      priorityShare: o.priorityShare,
      designPayShare: o.payShare,
      payoutShare: paid,
      gap: paid === null ? null : paid - o.priorityShare,
    };
  });
  const company = measure(run, baseline, all, {
    objectives,
    design: shares.index,
    realized: f.realizedAlignmentIndex,
  });
  const companyOwn = tooFew(
    groupChecks(company, health, settings, reps),
    "the company",
    all.length,
    min
  );
  const checks = companyOwn.map((c) =>
    PER_PLAN_CHECKS.includes(c.id) ? worstOfPlans(c.id, plans, c) : c
  );

  return {
    label: settings.period ?? fiscalQuarterLabel(options.today, settings.fiscalYearStartMonth),
    checks,
    plans,
    computedReps: attainments.length,
    dataIssues: run.dataIssues,
    figures: f,
    company,
    spearman: company.spearman,
    top20Share: company.top20Share,
    designAlignmentIndex: shares.index,
    metricHealth: health,
    objectives,
    histogram: attainmentHistogram(attainments),
    points,
    settings,
  };
}

/** Runs the plan as designed on the period's actuals (the Baseline), paced, and checks it. */
export function runPulse(
  design: PlanDesign,
  reps: RepTable,
  settings: PulseSettings,
  options: PulseOptions
): PulseResult {
  const run = prepareRun(design, pacedReps(reps, settings.periodShare), []);
  const baseline = computeScenario(run, run.models[0], null);
  return pulseFromRun(run, baseline, settings, options);
}

/** One check as the CLI's help and the docs describe it. */
export interface PulseCheckSummary {
  id: PulseCheckId;
  title: string;
  explanation: string;
  /** The Pulse Settings rows it reads (its own, then shared ones), by their names. */
  settings: string[];
}

const SETTING_NAMES = new Map<string, string>([
  ...GENERAL_PULSE_SETTINGS.map((s): [string, string] => [s.field, s.name]),
  ...PULSE_CHECKS.flatMap((d) => d.settings.map((s): [string, string] => [s.field, s.name])),
]);

/**
 * Every check, in PULSE_CHECKS order, with the names of the Pulse Settings it reads: what
 * `compalign pulse --help` lists.
 */
export const PULSE_CHECK_SUMMARIES: readonly PulseCheckSummary[] = PULSE_CHECKS.map((c) => {
  const shared: readonly string[] = "alsoReads" in c ? c.alsoReads : [];
  return {
    id: c.id,
    title: c.title,
    explanation: c.explanation,
    settings: [...c.settings.map((s) => s.name), ...shared.map((f) => SETTING_NAMES.get(f)!)],
  };
});
