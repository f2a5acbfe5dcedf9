/**
 * `compalign scenarios IN.xlsx --out OUT.xlsx [--json]`: runs the Scenarios sheet's what-if
 * scenarios rep by rep and writes a copy of the workbook with one tab per scenario and the
 * Scenario Comparison tab. The input is never modified.
 */
import { runScenarioAction, type ScenarioRunResult } from "../actions";
import { ACTUALS_ASSUMPTION, type DataIssue } from "../engine/scenarioRunner";
import { fileCommand, usageError, type FileArgs } from "./commandSpec";
import { counted, type Io } from "./io";
import { runWorkbookCommand } from "./workbookCommand";

export type ScenariosOptions = FileArgs;

export const SCENARIOS_COMMAND = fileCommand({
  name: "scenarios",
  summary: "run the what-if scenarios rep by rep and write scenario tabs",
  out: `write a copy of IN.xlsx, every original sheet unchanged, plus one rep-detail tab per
  scenario and the Scenario Comparison tab (figures side by side, Δ vs Baseline, breakdowns,
  data issues, invalid scenarios, charts). OUT.xlsx must not be the input.`,
  json: `print one JSON object on stdout: {"assumption", "scenarios": [{"name", "totalPayout",
  ...}], "invalidScenarios": [{"name", "reason", "cell"}], "dataIssues": [{"rep", "row",
  "message", "cell", "cells"}]}

  A data issue's "cell" is the first Reps cell at fault ("Reps!F12"; null when only a column is
  missing), "cells" every one; "message" names the columns, never the address.`,
  outRequired: true,
  description: `Runs the scenarios of IN.xlsx's Scenarios sheet (Baseline, with no change, always
  first) rep by rep over its Reps, Matrix, Curves and Objectives (docs/workbook.md).`,
  footer: `At least one of --out and --json. A plan with error findings (compalign check) is not
  run: the errors go to stderr and, with --json, stdout gets {"error": "plan-has-errors",
  "findings": [...]}. Exit status: 0 done (invalid scenarios and data issues are reported, not
  fatal), 1 the plan has error findings or no rep can be computed (Reps has no rows, every rep
  has a data issue, ...; nothing is written), 2 the file cannot be read, has no Reps or Matrix
  sheet, or bad usage.`,
  examples: [
    "compalign scenarios plan.xlsx --out scenarios.xlsx",
    "compalign scenarios plan.xlsx --json",
  ],
  refine: (args) => {
    if (args.out === undefined && !args.json)
      throw usageError("give --out OUT.xlsx, --json, or both");
    return args;
  },
  run: (options, io) => runScenariosCommand(options, io),
});

export const SCENARIOS_USAGE = SCENARIOS_COMMAND.usage;
export const SCENARIOS_HELP = SCENARIOS_COMMAND.help;
export const parseScenariosArgs = SCENARIOS_COMMAND.parse;

export function scenariosJson({ run }: ScenarioRunResult) {
  return {
    assumption: ACTUALS_ASSUMPTION,
    scenarios: run.scenarios.map((s) => ({ name: s.name, ...s.figures })),
    invalidScenarios: run.invalidScenarios.map(({ name, reason, cell }) => ({
      name,
      reason,
      cell,
    })),
    dataIssues: run.dataIssues.map(dataIssueJson),
  };
}

/**
 * A data issue as --json prints it (scenarios and risk): the rep, its Reps row, the reasons, the
 * first offending cell ("Reps!F12", null when only a column is missing) and every offending cell.
 */
export const dataIssueJson = ({ rep, row, message, cell, cells }: DataIssue) => ({
  rep,
  row,
  message,
  cell,
  cells,
});

export function runScenariosCommand(options: ScenariosOptions, io: Io): Promise<number> {
  return runWorkbookCommand("compalign scenarios", options, io, {
    compute: (book) => runScenarioAction(book),
    notes: ({ run }, ms) => [
      `${counted(run.scenarios.length, "scenario")} over ${counted(
        run.included.reduce((s, v) => s + v, 0),
        "rep"
      )} in ${ms} ms` +
        (run.invalidScenarios.length ? `; ${run.invalidScenarios.length} invalid` : "") +
        (run.dataIssues.length
          ? `; ${counted(run.dataIssues.length, "rep")} with data issues left out`
          : ""),
      ACTUALS_ASSUMPTION,
    ],
    wrote: (out, result) => `wrote ${out} with ${result.sheets.map((s) => s.name).join(", ")}`,
    output: (result, io) => {
      if (options.json) io.stdout(`${JSON.stringify(scenariosJson(result))}\n`);
      return 0;
    },
  });
}
