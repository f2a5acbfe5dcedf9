/**
 * What the Scenarios tab lists before anything runs, taken from a validated (not computed) run
 * (`loadScenarioRun`): the scenarios that can run, the ones that cannot and why, the reps left
 * out with their reasons, and the names the add-a-change form offers.
 */
import type { InvalidScenario } from "../../engine/scenarioChanges";
import type { DataIssue, PreparedRun } from "../../engine/scenarioRunner";
import { nameKey, sameName } from "../../engine/nameKey";
import { SHEETS } from "../../model/readPlan";
import { SCENARIOS_SHEET } from "../../model/readScenarios";
import type { RowContext } from "./scenarioRow";

/** A scenario that cannot run, with the Scenarios cell to fix (`cell`, from the reader). */
export type { InvalidScenario };

export interface ScenarioListing extends RowContext {
  /** Scenarios that can run, in sheet order (Baseline not included: it always runs). */
  runnable: string[];
  invalid: InvalidScenario[];
  dataIssues: DataIssue[];
  /** Reps on the Reps sheet, and how many every scenario computes. */
  repCount: number;
  includedCount: number;
  /** Segments found on the Reps sheet, for the form. */
  segments: string[];
}

/** The Reps cell a data issue's Go to selects: the first cell at fault, else the rep's row (column
 *  A, when only a column the plan needs is missing). */
export const repCell = (issue: DataIssue): string => issue.cell ?? `${SHEETS.reps}!A${issue.row}`;

const unique = (items: Iterable<string>): string[] => {
  const seen = new Map<string, string>();
  for (const item of items) {
    const text = item.trim();
    if (text && !seen.has(text.toLowerCase())) seen.set(text.toLowerCase(), text);
  }
  return [...seen.values()];
};

export function listingOf(prepared: PreparedRun): ScenarioListing {
  const { design, reps } = prepared;
  const plans = unique(design.components.map((c) => c.plan));
  const metricsByPlan = new Map(
    plans.map((plan) => [
      plan,
      unique(design.components.filter((c) => sameName(c.plan, plan)).map((c) => c.metric)),
    ])
  );
  const runnable = prepared.models.slice(1).map((m) => m.name);
  const invalid = prepared.invalidScenarios;
  return {
    runnable,
    invalid,
    dataIssues: prepared.dataIssues,
    repCount: reps.count,
    includedCount: prepared.included.reduce((sum, v) => sum + v, 0),
    plans,
    metricsByPlan,
    metrics: unique(design.components.map((c) => c.metric)),
    weights: new Map(
      plans.map((plan) => [
        plan,
        new Map(
          design.components
            .filter((c) => sameName(c.plan, plan))
            .map((c) => [nameKey(c.metric), c.weight])
        ),
      ])
    ),
    curves: unique([...design.curves.values()].filter((c) => !c.problem).map((c) => c.name)),
    segments: unique(reps.segments),
    scenarioNames: unique([
      ...runnable,
      ...invalid.filter((s) => s.name !== SCENARIOS_SHEET).map((s) => s.name),
    ]),
  };
}
