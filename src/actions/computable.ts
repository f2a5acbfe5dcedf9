/**
 * When nothing can be computed, or a figure stops being a number, say why in plain words instead
 * of writing an empty report or failing on Excel's "cannot hold Infinity" (iss14): no rep could
 * be computed (every rep's data issue, the missing column or sheet, the curves that are not
 * valid), the Baseline overflows (the reps whose payout is not a finite number), or a scenario's
 * change makes a figure non-finite (that scenario is invalid with the reason).
 */
import { baselineVariants } from "../engine/scenarioChanges";
import type { PreparedRun, ScenarioResult } from "../engine/scenarioRunner";
import { ActionError } from "./errors";

const MAX_LISTED = 3;

const listed = (items: string[]): string =>
  items.length <= MAX_LISTED
    ? items.join("; ")
    : `${items.slice(0, MAX_LISTED).join("; ")}; and ${items.length - MAX_LISTED} more`;

/** Why no rep was computed, or null when some were. */
export function nothingComputable(run: PreparedRun): string | null {
  if (run.included.some((v) => v === 1)) return null;
  const reasons: string[] = [];
  if (run.design.components.length === 0) reasons.push("the Matrix has no plan components");
  const { problems } = baselineVariants(run.design);
  if (problems.length > 0) reasons.push(listed(problems));
  if (run.reps.count === 0) reasons.push("the Reps sheet has no rows below its header");
  else
    reasons.push(
      `every rep has a data issue: ${listed(run.dataIssues.map((d) => `Reps row ${d.row}${d.rep ? ` (${d.rep})` : ""}: ${d.message}`))}`
    );
  return `No rep could be computed: ${reasons.join("; ")}.`;
}

/** Reps whose payout (or target incentive) in this result is not a finite number, as text. */
function nonFiniteReps(run: PreparedRun, result: ScenarioResult): string[] {
  const out: string[] = [];
  const { payout, targetIncentive } = result.reps;
  for (let i = 0; i < run.reps.count; i++) {
    if (!run.included[i]) continue;
    if (Number.isFinite(payout[i]) && Number.isFinite(targetIncentive[i])) continue;
    const what = Number.isFinite(payout[i]) ? "target incentive" : "payout";
    out.push(
      `Reps row ${run.reps.rows[i]} (${run.reps.names[i] || "no name"}): ${what} is not a finite number`
    );
  }
  return out;
}

/** The figures a scenario reports that are not finite numbers, by name. */
function nonFiniteFigures(result: ScenarioResult): string[] {
  const bad: string[] = [];
  const visit = (name: string, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value)) bad.push(name);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) visit(`${name} ${k}`, v);
  };
  for (const [name, value] of Object.entries(result.figures)) visit(name, value);
  return bad;
}

/**
 * Why a scenario's result cannot be reported (a figure is not a finite number), or null. For the
 * Baseline this throws: without it nothing can be compared.
 */
export function nonFiniteReason(
  run: PreparedRun,
  result: ScenarioResult,
  baseline: boolean
): string | null {
  const figures = nonFiniteFigures(result);
  const reps = nonFiniteReps(run, result);
  if (figures.length === 0 && reps.length === 0) return null;
  const detail =
    reps.length > 0
      ? listed(reps)
      : `${listed(figures)} ${figures.length === 1 ? "is" : "are"} not a finite number`;
  if (baseline)
    throw new ActionError(
      "not-computable",
      `The Baseline cannot be computed: payouts are too large to be numbers (${detail}); look for a quota near 0 on an uncapped (EXTEND) curve, or a huge value.`
    );
  return `its changes make payouts too large to be numbers (${detail})`;
}

/** Throws the plain reason when no rep could be computed. */
export function requireComputable(run: PreparedRun): void {
  const why = nothingComputable(run);
  if (why) throw new ActionError("not-computable", why);
}
