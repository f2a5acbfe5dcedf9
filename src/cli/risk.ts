/**
 * `compalign risk IN.xlsx [--out OUT.xlsx] [--json]`: plan cost at risk. Simulates every
 * scenario's total payout rep by rep over the Risk Settings' trials and prints P50 / P90 and the
 * chance of exceeding the budget (readable, or JSON with --json); --out writes a copy with the
 * `Plan Cost at Risk` tab. The input is never modified. Exit 0 done, 1 the plan has error
 * findings (nothing is simulated), 2 the file cannot be read, has no Reps or Matrix sheet, or bad
 * usage.
 */
import { ActionError } from "../actions";
import { PlanHasErrorsError } from "../actions";
import { runRiskAction, type RiskRunResult } from "../actions";
import { problemLine } from "../engine/problem";
import { planErrorsExit } from "./planErrors";
import { money, RISK_TAB, chance } from "../reports/riskSheet";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkInput, checkOut, firstClause } from "./files";
import { CliError, type Io } from "./io";

export const RISK_USAGE = "compalign risk IN.xlsx [--out OUT.xlsx] [--json]";

export const RISK_HELP = `Usage: ${RISK_USAGE}

Plan cost at risk: simulates the total payout of Baseline and every scenario of IN.xlsx's
Scenarios sheet over many plan years, rep by rep (docs/workbook.md, "Risk Settings": trials,
seed, common and individual volatility, metric correlation, budget). The same seed gives the
same figures on every machine.

  --json          print one JSON object on stdout:
                  {"settings": {"trials", "seed", "commonVolatility", "individualVolatility",
                  "metricCorrelation", "budget"}, "scenarios": [{"name",
                  "deterministicTotalPayout", "totalPayout": {"mean", "p10", "p50", "p90",
                  "p95"}, "payoutToTarget": {"p50", "p90"}, "incentiveCostOfSales": {"p50",
                  "p90"} or null, "probabilityOverBudget", "byPlan": [{"plan", "p50", "p90"}]}],
                  "invalidScenarios": [{"name", "reason"}], "dataIssues": [{"rep", "row",
                  "message"}]}
                  A plan with error findings prints {"error": "plan-has-errors", "findings":
                  [{"severity", "rule", "plan", "metric", "objective", "message", "cell"}]}.
  --out OUT.xlsx  write a copy of IN.xlsx, every original sheet unchanged, plus the
                  "${RISK_TAB}" tab. OUT.xlsx must not be the input.
  --force         replace OUT.xlsx even when it exists and is not a CompAlign report

Without --json a readable summary is printed. Exit status: 0 done (invalid scenarios, data
issues and Risk Settings warnings are reported, not fatal), 1 the plan has error findings
(compalign check lists them; nothing is simulated), 2 the file cannot be read, has no Reps or
Matrix sheet, or bad usage.`;

export interface RiskCliOptions {
  input: string;
  out?: string;
  json: boolean;
  /** Replace an existing OUT that is not a CompAlign report. */
  force?: boolean;
}

export function parseRiskArgs(args: readonly string[]): RiskCliOptions {
  const { positionals, options } = parseArgs(
    args,
    { out: "value", json: "switch", force: "switch" },
    "compalign risk",
    RISK_USAGE
  );
  if (positionals.length !== 1) {
    throw new CliError(
      `compalign risk: expected one input file, got ${positionals.length} (usage: ${RISK_USAGE})`
    );
  }
  return {
    input: positionals[0],
    out: options.out === undefined ? undefined : String(options.out),
    json: options.json === true,
    ...(options.force === true ? { force: true } : {}),
  };
}

/** The JSON contract. */
export function riskJson(r: Omit<RiskRunResult, "sheet">) {
  const s = r.result.settings;
  return {
    settings: {
      trials: s.trials,
      seed: s.seed,
      commonVolatility: s.commonVolatility,
      individualVolatility: s.individualVolatility,
      metricCorrelation: s.metricCorrelation,
      budget: s.budget,
    },
    scenarios: r.result.scenarios.map((x) => ({
      name: x.name,
      deterministicTotalPayout: x.deterministicTotalPayout,
      totalPayout: {
        mean: x.totalPayout.mean,
        p10: x.totalPayout.p10,
        p50: x.totalPayout.p50,
        p90: x.totalPayout.p90,
        p95: x.totalPayout.p95,
      },
      payoutToTarget: x.payoutToTarget && { p50: x.payoutToTarget.p50, p90: x.payoutToTarget.p90 },
      incentiveCostOfSales: x.incentiveCostOfSales && {
        p50: x.incentiveCostOfSales.p50,
        p90: x.incentiveCostOfSales.p90,
      },
      probabilityOverBudget: x.probabilityOverBudget,
      byPlan: x.byPlan.map(({ plan, p50, p90 }) => ({ plan, p50, p90 })),
    })),
    invalidScenarios: r.invalidScenarios.map(({ name, reason }) => ({ name, reason })),
    dataIssues: r.dataIssues.map(({ rep, row, message }) => ({ rep, row, message })),
  };
}

function readable(r: RiskRunResult): string {
  const { settings, scenarios } = r.result;
  const width = Math.max(8, ...scenarios.map((s) => s.name.length));
  const budget = settings.budget;
  const lines = [
    `Plan cost at risk: ${settings.trials.toLocaleString("en-US")} simulated years per scenario over ${r.result.reps} reps (seed ${settings.seed}; common volatility ${+(settings.commonVolatility * 100).toFixed(2)}%, individual ${+(settings.individualVolatility * 100).toFixed(2)}%, metric correlation ${settings.metricCorrelation}; budget ${budget === null ? "not set" : money(budget)})`,
    "",
    `${"Scenario".padEnd(width)}  ${"Deterministic".padStart(13)}  ${"P50".padStart(10)}  ${"P90".padStart(10)}  ${"P90 − P50".padStart(10)}  Over budget`,
    ...scenarios.map(
      (s) =>
        `${s.name.padEnd(width)}  ${money(s.deterministicTotalPayout).padStart(13)}  ${money(s.totalPayout.p50).padStart(10)}  ${money(s.totalPayout.p90).padStart(10)}  ${money(s.totalPayout.p90 - s.totalPayout.p50).padStart(10)}  ${s.probabilityOverBudget === null ? "Not set" : chance(s.probabilityOverBudget)}`
    ),
  ];
  if (r.sheet) lines.push("", `Wrote the ${r.sheet.name} tab.`);
  return `${lines.join("\n")}\n`;
}

export async function runRiskCommand(options: RiskCliOptions, io: Io): Promise<number> {
  const inputStats = checkInput("compalign risk", options.input);
  if (options.out !== undefined)
    checkOut("compalign risk", options.out, options.input, inputStats, options.force);
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.fromFile(options.input);
  } catch (e) {
    throw new CliError(
      `compalign risk: cannot read ${options.input} as an .xlsx workbook (${firstClause(e)})`
    );
  }
  const started = Date.now();
  let result: RiskRunResult;
  try {
    result = await runRiskAction(book, { write: options.out !== undefined });
  } catch (e) {
    if (e instanceof PlanHasErrorsError)
      return planErrorsExit("compalign risk", options.input, e, options.json, io);
    if (e instanceof ActionError)
      throw new CliError(`compalign risk: ${options.input}: ${e.message}`);
    throw e;
  }
  for (const warning of result.warnings)
    io.stderr(`compalign risk: warning: ${problemLine(warning)}`);
  io.stderr(
    `compalign risk: ${result.result.scenarios.length} scenarios × ${result.result.settings.trials} trials over ${result.result.reps} reps in ${Date.now() - started} ms` +
      (result.invalidScenarios.length ? `; ${result.invalidScenarios.length} invalid` : "") +
      (result.dataIssues.length
        ? `; ${result.dataIssues.length} reps with data issues left out`
        : "")
  );
  if (options.out !== undefined) {
    try {
      await book.writeFile(options.out);
    } catch (e) {
      throw new CliError(`compalign risk: cannot write ${options.out} (${firstClause(e)})`, 1);
    }
    io.stderr(`compalign risk: wrote ${options.out} with the ${result.sheet?.name} tab`);
  }
  io.stdout(options.json ? `${JSON.stringify(riskJson(result))}\n` : readable(result));
  return 0;
}
