/**
 * When nothing can be computed, or a figure stops being a number, say why in plain words instead
 * of writing an empty report or failing on Excel's "cannot hold Infinity" (iss14): no rep could
 * be computed (every rep's data issue, the missing column or sheet, the curves that are not
 * valid), the Baseline overflows (the reps whose payout is not a finite number), or a scenario's
 * change makes a figure non-finite (that scenario is invalid with the reason).
 */
import { baselineVariants } from "../engine/scenarioChanges";
import { listed, overflowDetail, overflowReason } from "../engine/scenarioOverflow";
import type { PreparedRun, ScenarioResult } from "../engine/scenarioRunner";
import { ActionError } from "./errors";

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
      `every rep has a data issue: ${listed(run.dataIssues.map((d) => `${d.cell ?? `Reps row ${d.row}`}${d.rep ? ` (${d.rep})` : ""}: ${d.message}`))}`
    );
  return `No rep could be computed: ${reasons.join("; ")}.`;
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
  const detail = overflowDetail(run, result);
  if (detail === null) return null;
  if (baseline)
    throw new ActionError(
      "not-computable",
      `The Baseline cannot be computed: payouts are too large to be numbers (${detail}); look for a quota near 0 on an uncapped (EXTEND) curve, or a huge value.`
    );
  return overflowReason(detail);
}

/** Throws the plain reason when no rep could be computed. */
export function requireComputable(run: PreparedRun): void {
  const why = nothingComputable(run);
  if (why) throw new ActionError("not-computable", why);
}
