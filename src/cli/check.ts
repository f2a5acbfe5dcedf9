/**
 * `compalign check IN.xlsx [--json] [--out OUT.xlsx]`: runs the alignment checks on a CompAlign
 * workbook. Exit 0 when there is no error finding, 1 when there is, 2 when the file cannot be
 * read or has no Matrix sheet. `--out` writes a copy with the Alignment View sheet.
 */
import { runAlignmentCheck, writeAlignmentView, type AlignmentCheck } from "../actions";
import { figures, pct as percent } from "../engine/figures";
import { moneyPerQuotaUnit, paidMetrics } from "../engine/marginalAlignment";
import type { Finding } from "../engine/plan";
import { fileCommand, type FileArgs } from "./commandSpec";
import { counted, type Io } from "./io";
import { findingJson } from "./planErrors";
import { runWorkbookCommand } from "./workbookCommand";

export { findingJson };

export type CheckOptions = FileArgs;

export const CHECK_COMMAND = fileCommand({
  name: "check",
  summary: "check a plan design against the alignment rules (exit 1 on error findings)",
  out: `write a copy of the workbook with the Alignment View sheet added (or refreshed, if
  CompAlign wrote it before). OUT.xlsx must not be the input.`,
  json: `print one JSON object on stdout:
  {"designAlignmentIndex": n, "objectives": [{"objective", "priority", "priorityShare",
  "payShare"}], "findings": [{"severity", "rule", "plan", "metric", "objective", "message",
  "cell"}], "marginal": [{"plan", "metric", "objective", "weight", "sharePerPoint",
  "medianTargetIncentive", "medianQuota", "dollarsPerPoint", "centsPerQuotaUnitAtTarget",
  "centsPerQuotaUnitBelow", "centsPerQuotaUnitAbove"}]}

  designAlignmentIndex is null when the plan has error findings.`,
  jsonFirst: true,
  description: `Checks the plan design in IN.xlsx (Objectives, Matrix, Curves, Reps:
  docs/workbook.md) against the alignment rules and computes the design alignment index.`,
  footer: `Without --json a readable report is printed. Exit status: 0 no error findings, 1 at
  least one error finding, 2 the file cannot be read, has no Matrix sheet, or bad usage.`,
  examples: ["compalign check plan.xlsx", "compalign check plan.xlsx --json --out checked.xlsx"],
  run: (options, io) => runCheck(options, io),
});

export const CHECK_USAGE = CHECK_COMMAND.usage;
export const CHECK_HELP = CHECK_COMMAND.help;
export const parseCheckArgs = CHECK_COMMAND.parse;

export function checkJson({ report, marginal }: AlignmentCheck) {
  return {
    designAlignmentIndex: report.designAlignmentIndex,
    objectives: report.objectives.map(({ objective, priority, priorityShare, payShare }) => ({
      objective,
      priority,
      priorityShare,
      payShare,
    })),
    findings: report.findings.map(findingJson),
    marginal: marginal.map((m) => ({
      plan: m.plan,
      metric: m.metric,
      objective: m.objective,
      weight: m.weight,
      sharePerPoint: m.sharePerPoint,
      medianTargetIncentive: m.medianTargetIncentive,
      medianQuota: m.medianQuota,
      dollarsPerPoint: m.dollarsPerPoint,
      centsPerQuotaUnitAtTarget: m.centsPerQuotaUnitAtTarget,
      centsPerQuotaUnitBelow: m.centsPerQuotaUnitBelow,
      centsPerQuotaUnitAbove: m.centsPerQuotaUnitAbove,
    })),
  };
}

function readable({ report, marginal, figures: settings }: AlignmentCheck): string {
  const fig = figures(settings);
  // The engine's cents per quota unit, shown as money per unit as the Alignment View tab does.
  const perUnit = (cents: number | null) => fig.moneyPerUnit(moneyPerQuotaUnit(cents));
  const index = report.designAlignmentIndex;
  const lines = [
    `Design alignment index: ${
      report.indexBlockedByErrors
        ? "not valid until the errors are fixed"
        : index === null
          ? "n/a (no priorities or no plan components)"
          : index.toFixed(3)
    }`,
    "",
    "Objective                          priority share   pay share",
    ...report.objectives.map(
      (o) =>
        `${o.objective.slice(0, 34).padEnd(34)} ${percent(o.priorityShare).padStart(14)} ${percent(o.payShare).padStart(11)}`
    ),
    "",
  ];
  lines.push(
    "Marginal pay at 100% on the metrics each plan pays (median TI and quota of the plan's reps; pay",
    "per quota unit: per currency unit of quota for money metrics, per unit counted for count",
    "metrics such as deals)",
    `${"Plan / metric".padEnd(38)} ${"per point".padStart(11)} ${"per quota unit: at target".padStart(25)} ${"below".padStart(11)} ${"above".padStart(11)}`,
    // Weight-0 rows stay in --json's marginal, not here: the pane and the sheet leave them out too.
    ...paidMetrics(marginal).map(
      (m) =>
        `${`${m.plan} / ${m.metric}`.slice(0, 38).padEnd(38)} ${fig.money(m.dollarsPerPoint).padStart(11)} ${perUnit(m.centsPerQuotaUnitAtTarget).padStart(25)} ${perUnit(m.centsPerQuotaUnitBelow).padStart(11)} ${perUnit(m.centsPerQuotaUnitAbove).padStart(11)}`
    ),
    ""
  );
  const line = (f: Finding) =>
    `${f.severity.padEnd(7)} ${f.rule.padEnd(19)} ${(f.cell ?? "").padEnd(14)} ${f.message}`;
  lines.push(
    report.findings.length === 0
      ? "No findings: the plan design passes every check."
      : `${counted(report.findings.length, "finding")}:`
  );
  lines.push(...report.findings.map(line));
  return `${lines.join("\n")}\n`;
}

export function runCheck(options: CheckOptions, io: Io): Promise<number> {
  return runWorkbookCommand("compalign check", options, io, {
    compute: (book, writing) => (writing ? writeAlignmentView(book) : runAlignmentCheck(book)),
    wrote: (out) => `wrote ${out} with the Alignment View`,
    output: (result, io) => {
      io.stdout(options.json ? `${JSON.stringify(checkJson(result))}\n` : readable(result));
      return result.report.findings.some((f) => f.severity === "error") ? 1 : 0;
    },
  });
}
