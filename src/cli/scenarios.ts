/**
 * `compalign scenarios IN.xlsx --out OUT.xlsx [--json]`: runs the Scenarios sheet's what-if
 * scenarios rep by rep and writes a copy of the workbook with one tab per scenario and the
 * Scenario Comparison tab. The input is never modified.
 */
import {
  ActionError,
  PlanHasErrorsError,
  runScenarioAction,
  type ScenarioRunResult,
} from "../actions";
import { ACTUALS_ASSUMPTION } from "../engine/scenarioRunner";
import { planErrorsExit } from "./planErrors";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkInput, checkOut, firstClause } from "./files";
import { CliError, type Io } from "./io";
import { runDate } from "./runDate";

export const SCENARIOS_USAGE = "compalign scenarios IN.xlsx --out OUT.xlsx [--json]";

export const SCENARIOS_HELP = `Usage: ${SCENARIOS_USAGE}

Runs the scenarios of IN.xlsx's Scenarios sheet (Baseline, with no change, always first) rep by
rep over its Reps, Matrix, Curves and Objectives (docs/workbook.md).

  --out OUT.xlsx  write a copy of IN.xlsx, every original sheet unchanged, plus one rep-detail
                  tab per scenario and the Scenario Comparison tab (figures side by side, Δ vs
                  Baseline, breakdowns, data issues, invalid scenarios, charts).
  --force         replace OUT.xlsx even when it exists and is not a CompAlign report
  --json          print one JSON object on stdout: {"assumption", "scenarios": [{"name", "totalPayout", ...}],
                  "invalidScenarios": [{"name", "reason"}], "dataIssues": [{"rep", "row", "message"}]}

At least one of --out and --json. A plan with error findings (compalign check) is not run: the
errors go to stderr and, with --json, stdout gets {"error": "plan-has-errors", "findings": [...]}.
Exit status: 0 done (invalid scenarios and data issues are reported, not fatal), 1 the plan has
error findings, 2 the file cannot be read, has no Reps or Matrix sheet, or bad usage.`;

export interface ScenariosOptions {
  input: string;
  out?: string;
  json: boolean;
  /** Replace an existing OUT that is not a CompAlign report. */
  force?: boolean;
}

export function parseScenariosArgs(args: readonly string[]): ScenariosOptions {
  const { positionals, options } = parseArgs(
    args,
    { out: "value", json: "switch", force: "switch" },
    "compalign scenarios",
    SCENARIOS_USAGE
  );
  if (positionals.length !== 1) {
    throw new CliError(
      `compalign scenarios: expected one input file, got ${positionals.length} (usage: ${SCENARIOS_USAGE})`
    );
  }
  const out = options.out === undefined ? undefined : String(options.out);
  if (out === undefined && options.json !== true) {
    throw new CliError(
      `compalign scenarios: give --out OUT.xlsx, --json, or both (usage: ${SCENARIOS_USAGE})`
    );
  }
  return {
    input: positionals[0],
    out,
    json: options.json === true,
    ...(options.force === true ? { force: true } : {}),
  };
}

export function scenariosJson({ run }: ScenarioRunResult) {
  return {
    assumption: ACTUALS_ASSUMPTION,
    scenarios: run.scenarios.map((s) => ({ name: s.name, ...s.figures })),
    invalidScenarios: run.invalidScenarios.map(({ name, reason }) => ({ name, reason })),
    dataIssues: run.dataIssues.map(({ rep, row, message }) => ({ rep, row, message })),
  };
}

export async function runScenariosCommand(options: ScenariosOptions, io: Io): Promise<number> {
  const inputStats = checkInput("compalign scenarios", options.input);
  if (options.out !== undefined)
    checkOut("compalign scenarios", options.out, options.input, inputStats, options.force);
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.fromFile(options.input);
    book.runDate = runDate(); // printed in the page header of the tabs it writes
  } catch (e) {
    throw new CliError(
      `compalign scenarios: cannot read ${options.input} as an .xlsx workbook (${firstClause(e)})`
    );
  }
  const started = Date.now();
  let result: ScenarioRunResult;
  try {
    result = await runScenarioAction(book);
  } catch (e) {
    if (e instanceof PlanHasErrorsError)
      return planErrorsExit("compalign scenarios", options.input, e, options.json, io);
    if (e instanceof ActionError)
      throw new CliError(
        `compalign scenarios: ${options.input}: ${e.message}`,
        e.kind === "not-computable" ? 1 : 2
      );
    throw e;
  }
  const { run } = result;
  io.stderr(
    `compalign scenarios: ${run.scenarios.length} scenarios over ${run.included.reduce((s, v) => s + v, 0)} reps in ${Date.now() - started} ms` +
      (run.invalidScenarios.length ? `; ${run.invalidScenarios.length} invalid` : "") +
      (run.dataIssues.length ? `; ${run.dataIssues.length} reps with data issues left out` : "")
  );
  io.stderr(`compalign scenarios: ${ACTUALS_ASSUMPTION}`);
  if (options.out !== undefined) {
    try {
      await book.writeFile(options.out);
    } catch (e) {
      throw new CliError(`compalign scenarios: cannot write ${options.out} (${firstClause(e)})`, 1);
    }
    io.stderr(
      `compalign scenarios: wrote ${options.out} with ${result.sheets.map((s) => s.name).join(", ")}`
    );
  }
  if (options.json) io.stdout(`${JSON.stringify(scenariosJson(result))}\n`);
  return 0;
}
