/**
 * A scenario whose figures stop being numbers (iss14): payouts too large for a double (a huge
 * scale-ti, a quota near 0 on an uncapped curve) must never be reported or written. Says which
 * reps and figures are not finite, so the run can list the scenario as invalid with the reason.
 */
import type { PreparedRun, ScenarioResult } from "./scenarioRunner";

const MAX_LISTED = 3;
/**
 * A rep's payout or target incentive beyond this is no amount of money: inputs stop at 1e15, and
 * a thousand times that is what an uncapped curve on a near-zero quota produces, not pay.
 */
export const LARGEST_AMOUNT = 1e18;

export const listed = (items: string[]): string =>
  items.length <= MAX_LISTED
    ? items.join("; ")
    : `${items.slice(0, MAX_LISTED).join("; ")}; and ${items.length - MAX_LISTED} more`;

/** Reps whose payout (or target incentive) in this result is not a finite number or over 1e18, as text. */
function nonFiniteReps(run: PreparedRun, result: ScenarioResult): string[] {
  const out: string[] = [];
  const { payout, targetIncentive } = result.reps;
  for (let i = 0; i < run.reps.count; i++) {
    if (!run.included[i]) continue;
    const bad = (x: number) => !(Math.abs(x) <= LARGEST_AMOUNT);
    if (!bad(payout[i]) && !bad(targetIncentive[i])) continue;
    const [what, value] = bad(payout[i])
      ? ["payout", payout[i]]
      : ["target incentive", targetIncentive[i]];
    out.push(
      `Reps row ${run.reps.rows[i]} (${run.reps.names[i] || "no name"}): ${what} is ${Number.isFinite(value) ? "over 1e18" : "not a finite number"}`
    );
  }
  return out;
}

/** The figures a scenario reports that are not finite numbers, by name. */
export function nonFiniteFigures(result: Pick<ScenarioResult, "figures">): string[] {
  const bad: string[] = [];
  const visit = (name: string, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value)) bad.push(name);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) visit(`${name} ${k}`, v);
  };
  for (const [name, value] of Object.entries(result.figures)) visit(name, value);
  return bad;
}

/** What in a scenario's result is not a finite number (reps first, else figures), or null. */
export function overflowDetail(run: PreparedRun, result: ScenarioResult): string | null {
  const reps = nonFiniteReps(run, result);
  if (reps.length > 0) return listed(reps);
  const figures = nonFiniteFigures(result);
  if (figures.length > 0)
    return `${listed(figures)} ${figures.length === 1 ? "is" : "are"} not a finite number`;
  return null;
}

/** The reason a scenario other than the Baseline is invalid when its figures overflow. */
export const overflowReason = (detail: string): string =>
  `its changes make payouts too large to be numbers (${detail})`;
