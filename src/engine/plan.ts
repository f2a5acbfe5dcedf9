/**
 * A plan design as the engine sees it: objectives with priorities, plan components (the rows
 * of the Goal Alignment Matrix), payout curves, and the target-incentive dollars behind each
 * plan. Parsed from a workbook by src/model; every item carries the cell addresses it came
 * from so findings can point at them.
 */
import type { CurveBeyond, CurveMethod } from "./curve";
import type { Problem } from "./problem";

export type Severity = "error" | "warning" | "info";

/**
 * One thing a check found: what, where (`cell`), and how bad; from the plan design's rules
 * (src/engine/alignmentRules.ts) or from reading its input (src/model/).
 */
export interface Finding extends Problem {
  severity: Severity;
  /** Stable rule id, e.g. "weights-sum". */
  rule: string;
  plan: string | null;
  metric: string | null;
  objective: string | null;
}

export interface Objective {
  name: string;
  priority: number;
  why: string;
  cells: { name: string; priority: string };
}

export const OWNERS = ["Finance", "HR", "Sales", "Product", "Marketing"] as const;

export interface Component {
  plan: string;
  metric: string;
  objective: string;
  behavior: string;
  /** Share of the plan's target incentive (1 = 100%). */
  weight: number;
  curve: string;
  owner: string;
  why: string;
  cells: { plan: string; metric: string; objective: string; weight: string; curve: string };
}

export interface CurveDefinition {
  name: string;
  points: number[];
  rates: number[];
  method: CurveMethod;
  beyond: CurveBeyond;
  /** Cell of the curve's first row (its name). */
  cell: string;
  /** Why COMP.CURVE would reject it, with the cell to fix; null when it is a valid curve. */
  problem: (Problem & { cell: string }) | null;
}

export interface PlanDesign {
  objectives: Objective[];
  components: Component[];
  /** Curves by name, lower-cased. */
  curves: Map<string, CurveDefinition>;
  /**
   * Target-incentive dollars per plan (plan name lower-cased) from the Reps sheet; null when
   * there is no Reps sheet. A plan without reps counts 1.
   */
  targetIncentiveByPlan: Map<string, number> | null;
  /**
   * Metrics (lower-cased) whose Actual is revenue (Matrix's Revenue column): scaling their
   * actuals in a scenario moves Revenue and Gross Margin too. Absent or empty: none.
   */
  revenueMetrics?: ReadonlySet<string>;
}
