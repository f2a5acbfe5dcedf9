/**
 * `compalign explain IN.xlsx [--out OUT.xlsx] [--json]`: the plan on a page for every plan of a
 * CompAlign workbook. Prints the kickoff talking points (or, with --json, the explanations as
 * one JSON object); `--out` writes a copy with one `Plan - <name>` tab per plan. Exit 0 when
 * done, 2 when the file cannot be read or has no Matrix sheet, or on bad usage.
 */
import {
  explainPlans,
  writePlanPages,
  type ExplainedPlan,
  type PlanExplanations,
} from "../actions";
import { fileCommand, type FileArgs } from "./commandSpec";
import type { Io } from "./io";
import { runWorkbookCommand } from "./workbookCommand";

export type ExplainOptions = FileArgs;

export const EXPLAIN_COMMAND = fileCommand({
  name: "explain",
  summary: "explain each plan for reps (plan on a page) and write Plan - <name> tabs",
  out: `write a copy of the workbook with one "Plan - <name>" tab per plan added (or refreshed,
  if CompAlign wrote it before). OUT.xlsx must not be the input.`,
  json: `print one JSON object on stdout instead of the talking points:
  {"plans": [{"plan", "objectives": [{"objective", "why"}], "behaviors", "metrics":
  [{"metric", "weight", "curve", "method", "beyond", "points": [[attainment, payout], ...],
  "perPointAtTarget"}], "medianTargetIncentive", "targetIncentiveBasis": {"source", "reps",
  "note"}, "earnings": [{"attainment", "earnings"}], "howToEarnMore": {"metric", "perPoint",
  "message"}, "complexity": {"metrics", "maxCurvePoints", "modifiers", "warning"},
  "talkingPoints"}]}`,
  description: `Explains every plan of IN.xlsx (Objectives, Matrix, Curves, Reps:
  docs/workbook.md) for reps: why the plan exists, which behaviours count, each metric with its
  weight and curve, what it pays at 50/75/100/125/150% attainment on every metric for the plan's
  median target incentive (1, so amounts read as a share of target, when the plan has no reps),
  the metric where one more point of attainment pays most at target, and its complexity against
  the five-minute rule (more than 3 metrics or more than 5 curve points on a metric).`,
  footer: `Without --json the talking points of every plan are printed. A plan with error
  findings (compalign check: an unknown curve, weights not summing to 100%, ...) gets no page:
  the errors go to stderr and, with --json, stdout gets {"error": "plan-has-errors",
  "findings": [...]}. Exit status: 0 done, 1 the plan has error findings or the Matrix has no
  plans, 2 the file cannot be read, has no Matrix sheet, or bad usage.`,
  examples: ["compalign explain plan.xlsx", "compalign explain plan.xlsx --out pages.xlsx --json"],
  run: (options, io) => runExplainCommand(options, io),
});

export const EXPLAIN_USAGE = EXPLAIN_COMMAND.usage;
export const EXPLAIN_HELP = EXPLAIN_COMMAND.help;
export const parseExplainArgs = EXPLAIN_COMMAND.parse;

/** One plan as the --json contract prints it. */
export function planJson(p: ExplainedPlan) {
  return {
    plan: p.plan,
    objectives: p.objectives.map(({ objective, why }) => ({ objective, why })),
    behaviors: p.behaviors,
    metrics: p.metrics.map(
      ({ metric, weight, curve, method, beyond, points, perPointAtTarget }) => ({
        metric,
        weight,
        curve,
        method,
        beyond,
        points,
        perPointAtTarget,
      })
    ),
    medianTargetIncentive: p.medianTargetIncentive,
    targetIncentiveBasis: { ...p.targetIncentiveBasis },
    earnings: p.earnings.map(({ attainment, earnings }) => ({ attainment, earnings })),
    howToEarnMore: { ...p.howToEarnMore },
    complexity: {
      metrics: p.complexity.metrics,
      maxCurvePoints: p.complexity.maxCurvePoints,
      modifiers: p.complexity.modifiers,
      warning: p.complexity.warning,
    },
    talkingPoints: p.talkingPoints,
  };
}

export const explainJson = ({ plans }: PlanExplanations) => ({ plans: plans.map(planJson) });

export function runExplainCommand(options: ExplainOptions, io: Io): Promise<number> {
  return runWorkbookCommand("compalign explain", options, io, {
    compute: (book, writing): Promise<PlanExplanations & { sheets?: { name: string }[] }> =>
      writing ? writePlanPages(book) : explainPlans(book),
    notes: (result) =>
      result.plans.flatMap((plan) => plan.problems.map((problem) => `${plan.plan}: ${problem}`)),
    wrote: (out, result) => {
      const tabs = (result.sheets ?? []).map((s) => s.name);
      return tabs.length > 0
        ? `wrote ${out} with ${tabs.join(", ")}`
        : `wrote ${out} (the Matrix has no plans, so no plan page)`;
    },
    output: (result, io) => {
      io.stdout(options.json ? `${JSON.stringify(explainJson(result))}\n` : result.text);
      if (result.plans.length > 0) return 0;
      // Nothing to explain is not a success (iss14): say so and exit 1.
      io.stderr(
        `compalign explain: ${options.input}: the Matrix has no plans yet, so nothing was explained`
      );
      return 1;
    },
  });
}
