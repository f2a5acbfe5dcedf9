/**
 * `compalign risk IN.xlsx [--out OUT.xlsx] [--json]`: plan cost at risk. Simulates every
 * scenario's total payout rep by rep over the Risk Settings' trials and prints P50 / P90 and the
 * chance of exceeding the budget (readable, or JSON with --json); --out writes a copy with the
 * `Plan Cost at Risk` tab. The input is never modified. Exit 0 done, 1 the plan has error
 * findings or no rep can be computed (nothing is simulated), 2 the file cannot be read, has no
 * Reps or Matrix sheet, or bad usage.
 */
import { runRiskAction, type RiskRunResult } from "../actions";
import { problemLine } from "../engine/problem";
import { money, RISK_TAB, chance } from "../reports/riskSheet";
import { fileCommand, type FileArgs } from "./commandSpec";
import { dataIssueJson } from "./scenarios";
import { counted, type Io } from "./io";
import { runWorkbookCommand } from "./workbookCommand";

export type RiskCliOptions = FileArgs;

export const RISK_COMMAND = fileCommand({
  name: "risk",
  summary: "simulate each scenario's cost at risk: P50, P90 and the chance of exceeding the budget",
  out: `write a copy of IN.xlsx, every original sheet unchanged, plus the "${RISK_TAB}" tab.
  OUT.xlsx must not be the input.`,
  json: `print one JSON object on stdout:
  {"settings": {"trials", "seed", "commonVolatility", "individualVolatility",
  "metricCorrelation", "budget"}, "scenarios": [{"name", "deterministicTotalPayout",
  "totalPayout": {"mean", "p10", "p50", "p90", "p95"}, "payoutToTarget": {"p50", "p90"},
  "incentiveCostOfSales": {"p50", "p90"} or null, "probabilityOverBudget", "byPlan":
  [{"plan", "p50", "p90"}]}], "invalidScenarios": [{"name", "reason", "cell"}], "dataIssues":
  [{"rep", "row", "message", "cell", "cells"}]} (a data issue as compalign scenarios --json
  prints it: "cell" is the first Reps cell at fault, "cells" every one)

  A plan with error findings prints {"error": "plan-has-errors", "findings": [{"severity",
  "rule", "plan", "metric", "objective", "message", "cell"}]}.`,
  description: `Plan cost at risk: simulates the total payout of Baseline and every scenario of
  IN.xlsx's Scenarios sheet over many plan years, rep by rep (docs/workbook.md, "Risk Settings":
  trials, seed, common and individual volatility, metric correlation, budget). The same seed
  gives the same figures on every machine.`,
  footer: `Without --json a readable summary is printed. Exit status: 0 done (invalid scenarios,
  data issues and Risk Settings warnings are reported, not fatal), 1 the plan has error findings
  (compalign check lists them) or no rep can be computed (Reps has no rows, every rep has a data
  issue, the Baseline's payouts are too large to be numbers; nothing is simulated), 2 the file
  cannot be read, has no Reps or Matrix sheet, or bad usage.`,
  examples: ["compalign risk plan.xlsx", "compalign risk plan.xlsx --out risk.xlsx --json"],
  run: (options, io) => runRiskCommand(options, io),
});

export const RISK_USAGE = RISK_COMMAND.usage;
export const RISK_HELP = RISK_COMMAND.help;
export const parseRiskArgs = RISK_COMMAND.parse;

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
    invalidScenarios: r.invalidScenarios.map(({ name, reason, cell }) => ({ name, reason, cell })),
    dataIssues: r.dataIssues.map(dataIssueJson),
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

export function runRiskCommand(options: RiskCliOptions, io: Io): Promise<number> {
  return runWorkbookCommand("compalign risk", options, io, {
    compute: (book, write) => runRiskAction(book, { write }),
    notes: (r, ms) => [
      ...r.warnings.map((warning) => `warning: ${problemLine(warning)}`),
      `${counted(r.result.scenarios.length, "scenario")} × ${r.result.settings.trials} trials over ${counted(r.result.reps, "rep")} in ${ms} ms` +
        (r.invalidScenarios.length ? `; ${r.invalidScenarios.length} invalid` : "") +
        (r.dataIssues.length
          ? `; ${counted(r.dataIssues.length, "rep")} with data issues left out`
          : ""),
    ],
    wrote: (out, r) => `wrote ${out} with the ${r.sheet?.name} tab`,
    output: (r, io) => {
      io.stdout(options.json ? `${JSON.stringify(riskJson(r))}\n` : readable(r));
      return 0;
    },
  });
}
