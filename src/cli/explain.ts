/**
 * `compalign explain IN.xlsx [--out OUT.xlsx] [--json]`: the plan on a page for every plan of a
 * CompAlign workbook. Prints the kickoff talking points (or, with --json, the explanations as
 * one JSON object); `--out` writes a copy with one `Plan - <name>` tab per plan. Exit 0 when
 * done, 2 when the file cannot be read or has no Matrix sheet, or on bad usage.
 */
// Straight from the action's module: `explain` needs neither the scenario engine nor setup.
import { ActionError } from "../actions";
import { PlanHasErrorsError } from "../actions";
import { planErrorsExit } from "./planErrors";
import {
  explainPlans,
  writePlanPages,
  type ExplainedPlan,
  type PlanExplanations,
} from "../actions";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkInput, checkOut, firstClause } from "./files";
import { CliError, type Io } from "./io";
import { runDate } from "./runDate";

export const EXPLAIN_USAGE = "compalign explain IN.xlsx [--out OUT.xlsx] [--json]";

export const EXPLAIN_HELP = `Usage: ${EXPLAIN_USAGE}

Explains every plan of IN.xlsx (Objectives, Matrix, Curves, Reps: docs/workbook.md) for reps:
why the plan exists, which behaviours count, each metric with its weight and curve, what it
pays at 50/75/100/125/150% attainment on every metric for the plan's median target incentive
(1, so amounts read as a share of target, when the plan has no reps), the metric where one more
point of attainment pays most at target, and its complexity against the five-minute rule (more
than 3 metrics or more than 5 curve points on a metric).

  --out OUT.xlsx  write a copy of the workbook with one "Plan - <name>" tab per plan added (or
                  refreshed, if CompAlign wrote it before). OUT.xlsx must not be the input.
  --force         replace OUT.xlsx even when it exists and is not a CompAlign report
  --json          print one JSON object on stdout instead of the talking points:
                  {"plans": [{"plan", "objectives": [{"objective", "why"}], "behaviors",
                  "metrics": [{"metric", "weight", "curve", "method", "beyond", "points":
                  [[attainment, payout], ...], "perPointAtTarget"}], "medianTargetIncentive",
                  "targetIncentiveBasis": {"source", "reps", "note"}, "earnings":
                  [{"attainment", "earnings"}], "howToEarnMore": {"metric", "perPoint",
                  "message"}, "complexity": {"metrics", "maxCurvePoints", "modifiers",
                  "warning"}, "talkingPoints"}]}

Without --json the talking points of every plan are printed. A plan with error findings
(compalign check: an unknown curve, weights not summing to 100%, ...) gets no page: the errors
go to stderr and, with --json, stdout gets {"error": "plan-has-errors", "findings": [...]}.
Exit status: 0 done, 1 the plan has error findings or the Matrix has no plans, 2 the file cannot be read, has no Matrix
sheet, or bad usage.`;

export interface ExplainOptions {
  input: string;
  out?: string;
  json: boolean;
  /** Replace an existing OUT that is not a CompAlign report. */
  force?: boolean;
}

export function parseExplainArgs(args: readonly string[]): ExplainOptions {
  const { positionals, options } = parseArgs(
    args,
    { out: "value", json: "switch", force: "switch" },
    "compalign explain",
    EXPLAIN_USAGE
  );
  if (positionals.length !== 1) {
    throw new CliError(
      `compalign explain: expected one input file, got ${positionals.length} (usage: ${EXPLAIN_USAGE})`
    );
  }
  return {
    input: positionals[0],
    out: options.out === undefined ? undefined : String(options.out),
    json: options.json === true,
    ...(options.force === true ? { force: true } : {}),
  };
}

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

export async function runExplainCommand(options: ExplainOptions, io: Io): Promise<number> {
  const inputStats = checkInput("compalign explain", options.input);
  if (options.out !== undefined)
    checkOut("compalign explain", options.out, options.input, inputStats, options.force);
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.fromFile(options.input);
    book.runDate = runDate(); // printed in the page header of the tabs it writes
  } catch (e) {
    throw new CliError(
      `compalign explain: cannot read ${options.input} as an .xlsx workbook (${firstClause(e)})`
    );
  }
  let result: PlanExplanations & { sheets?: { name: string }[] };
  try {
    result = options.out !== undefined ? await writePlanPages(book) : await explainPlans(book);
  } catch (e) {
    if (e instanceof PlanHasErrorsError)
      return planErrorsExit("compalign explain", options.input, e, options.json, io);
    if (e instanceof ActionError)
      throw new CliError(
        `compalign explain: ${options.input}: ${e.message}`,
        e.kind === "not-computable" ? 1 : 2
      );
    throw e;
  }
  for (const plan of result.plans)
    for (const problem of plan.problems) io.stderr(`compalign explain: ${plan.plan}: ${problem}`);
  if (options.out !== undefined) {
    try {
      await book.writeFile(options.out);
    } catch (e) {
      throw new CliError(`compalign explain: cannot write ${options.out} (${firstClause(e)})`, 1);
    }
    const tabs = (result.sheets ?? []).map((s) => s.name);
    io.stderr(
      tabs.length > 0
        ? `compalign explain: wrote ${options.out} with ${tabs.join(", ")}`
        : `compalign explain: wrote ${options.out} (the Matrix has no plans, so no plan page)`
    );
  }
  io.stdout(options.json ? `${JSON.stringify(explainJson(result))}\n` : result.text);
  // Nothing to explain is not a success (iss14): say so and exit 1.
  if (result.plans.length === 0)
    io.stderr(
      `compalign explain: ${options.input}: the Matrix has no plans yet, so nothing was explained`
    );
  return result.plans.length === 0 ? 1 : 0;
}
