/**
 * What `scenarios`, `pulse`, `explain` and `risk` do with a plan that has error findings: nothing
 * is computed; the errors go to stderr (one line each, with the cell to fix) and, with --json,
 * stdout gets `{"error": "plan-has-errors", "findings": [...]}` in `compalign check`'s shape.
 * Exit status 1, as `compalign check` has for error findings.
 */
import type { PlanHasErrorsError } from "../actions";
import type { Finding } from "../engine/plan";
import type { Io } from "./io";

/** One finding as every --json output prints it. */
export function findingJson(f: Finding) {
  return {
    severity: f.severity,
    rule: f.rule,
    plan: f.plan,
    metric: f.metric,
    objective: f.objective,
    message: f.message,
    cell: f.cell,
  };
}

export function planErrorsExit(
  command: string,
  input: string,
  error: PlanHasErrorsError,
  json: boolean,
  io: Io
): number {
  const n = error.findings.length;
  io.stderr(
    `${command}: ${input}: the plan has ${n} error${n === 1 ? "" : "s"}; nothing was computed. Fix ${n === 1 ? "it" : "them"} first (compalign check lists every finding):`
  );
  for (const f of error.findings)
    io.stderr(`${command}: error ${f.rule}${f.cell ? ` at ${f.cell}` : ""}: ${f.message}`);
  if (json)
    io.stdout(
      `${JSON.stringify({ error: "plan-has-errors", findings: error.findings.map(findingJson) })}\n`
    );
  return 1;
}
