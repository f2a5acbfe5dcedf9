/**
 * A plan with error findings gives no results: an action that computes from the plan (run
 * scenarios, pulse check, plan pages, cost at risk) calls `assertPlanHasNoErrors` right after
 * reading it. The findings are those of `compalign check` (reading problems, then the alignment
 * rules), so the pane and the CLI can list the errors with the cells to fix.
 */
import { checkAlignment } from "../engine/alignmentRules";
import type { Finding, PlanDesign } from "../engine/plan";
import { ActionError } from "./errors";

/** The plan has error findings: nothing is computed until they are fixed. */
export class PlanHasErrorsError extends ActionError {
  constructor(readonly findings: Finding[]) {
    const n = findings.length;
    super(
      "plan-has-errors",
      `The plan has ${n} error${n === 1 ? "" : "s"} to fix before anything is computed from it: ${findings
        .map((f) => (f.cell ? `${f.message} (${f.cell})` : f.message))
        .join(" ")}`
    );
    this.name = "PlanHasErrorsError";
  }
}

/** The error findings of a plan as read (reading problems plus the alignment rules). */
export function planErrors(design: PlanDesign, readFindings: Finding[]): Finding[] {
  return checkAlignment(design, readFindings).findings.filter((f) => f.severity === "error");
}

/** Throws PlanHasErrorsError when the plan has any error finding. */
export function assertPlanHasNoErrors(read: { design: PlanDesign; findings: Finding[] }): void {
  const errors = planErrors(read.design, read.findings);
  if (errors.length > 0) throw new PlanHasErrorsError(errors);
}
