/**
 * Kickoff talking points: the plan on a page as plain text a manager can paste into slides or
 * an e-mail. Why this plan, how it supports growth, which behaviours count, what it pays, how
 * to earn more, and how complex it is. A pure function of the explanation.
 */
import { inCurrency, type ExplainedMetric, type PlanExplanation } from "./planExplain";
import { pct } from "./figures";
import { amount } from "./planExplainFormat";

/** "75% of your target incentive", or "0%: tracked, not paid yet". */
export function weightPhrase(weight: number): string {
  return weight === 0 ? "0%: tracked, not paid yet" : `${pct(weight)} of your target incentive`;
}

/** "Cloud ARR, 25% of your target incentive, serves “Grow cloud”. Why text." */
export function growthLine(m: ExplainedMetric): string {
  const serves = m.objective ? `, serves “${m.objective}”` : "";
  const why = m.why ? ` ${m.why}` : "";
  return `${m.metric} (${weightPhrase(m.weight)})${serves}.${why}`;
}

/** Earnings at one attainment: "$40,000 (100% of target incentive)" or "100% of target incentive". */
export function earningsPhrase(
  plan: PlanExplanation,
  row: PlanExplanation["earnings"][number]
): string {
  return inCurrency(plan)
    ? `${amount(row.earnings, true, plan.figures)} (${pct(row.rate)} of target incentive)`
    : amount(row.earnings, false);
}

/** The complexity line: "3 metrics, up to 5 curve points on a metric, 0 modifiers." */
export function complexityLine(plan: PlanExplanation): string {
  const { metrics, maxCurvePoints, modifiers } = plan.complexity;
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${s(metrics, "metric")}, up to ${s(maxCurvePoints, "curve point")} on a metric, ${s(modifiers, "modifier")}.`;
}

export function talkingPoints(plan: PlanExplanation): string {
  const lines: string[] = [`${plan.plan}: your plan on a page`, ""];
  lines.push("Why this plan");
  if (plan.objectives.length === 0)
    lines.push("- (No objective is named for this plan in Matrix.)");
  for (const o of plan.objectives)
    lines.push(`- ${o.objective} (${weightPhrase(o.weight)})${o.why ? `: ${o.why}` : ""}`);
  lines.push("", "How it supports growth");
  for (const m of plan.metrics) lines.push(`- ${growthLine(m)}`);
  lines.push("", "Which behaviours count");
  if (plan.behaviors.length === 0)
    lines.push("- (No behaviour is written for this plan yet: fill in Matrix's Behavior column.)");
  for (const b of plan.behaviors) lines.push(`- ${b}`);
  lines.push("", "How each metric pays");
  for (const m of plan.metrics)
    lines.push(`- ${m.metric} (curve ${m.curve || "none"}): ${m.curveDescription}`);
  lines.push("", "What you can earn", plan.targetIncentiveBasis.note);
  for (const row of plan.earnings)
    lines.push(`- ${pct(row.attainment)} on every metric: ${earningsPhrase(plan, row)}`);
  lines.push("", "How to earn more", plan.howToEarnMore.message);
  lines.push("", "Plan complexity", complexityLine(plan), plan.complexity.modifiersNote);
  if (plan.complexity.warning) lines.push(`Warning: ${plan.complexity.warning}`);
  if (plan.problems.length > 0) {
    lines.push("", "Before you share this page");
    for (const p of plan.problems) lines.push(`- ${p}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Every plan's talking points, one after the other. */
export function allTalkingPoints(plans: readonly PlanExplanation[]): string {
  return plans.length === 0
    ? "The Matrix has no plans yet.\n"
    : plans.map(talkingPoints).join("\n");
}
