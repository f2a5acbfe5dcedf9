/**
 * `compalign demo [--out FILE]` (npm run demo): the main job on the built-in sample. Builds the
 * seeded sample workbook (360 reps, 3 plans, a new cloud product, multi-product selling, a
 * Baseline and five scenarios), checks alignment, runs the scenarios and writes
 * compalign-demo.xlsx with the Alignment View, one tab per scenario and the Scenario
 * Comparison, then prints a compact comparison table.
 */
import { insertSampleData, runScenarioAction, writeAlignmentView } from "../actions";
import { ACTUALS_ASSUMPTION, type ScenarioFigures } from "../engine/scenarioRunner";
import { XlsxWorkbook } from "../workbook/xlsx";
import { defineCommand, forceOption, outOption } from "./commandSpec";
import { checkNewOut } from "./files";
import type { Io } from "./io";
import { runDate } from "./runDate";
import { writeOutput } from "./workbookCommand";

export const DEMO_FILE = "compalign-demo.xlsx";

export interface DemoOptions {
  out: string;
  /** Replace an existing file that is not a CompAlign report. */
  force?: boolean;
}

export const DEMO_COMMAND = defineCommand<DemoOptions>({
  name: "demo",
  summary: "run everything on the built-in sample and write compalign-demo.xlsx",
  options: [
    outOption(`where to save the workbook (default ${DEMO_FILE}).`, "optional", "FILE.xlsx"),
    forceOption("FILE.xlsx"),
  ],
  description: `Builds CompAlign's sample workbook (Objectives, Matrix, Curves, 360 Reps and
  Scenarios), writes the Alignment View, runs Baseline and the five sample scenarios rep by rep,
  and saves everything to FILE.xlsx (default ${DEMO_FILE}; an existing file is replaced only
  when it is a CompAlign report, or with --force). Prints a compact comparison table on stdout.`,
  footer: `Exit status: 0 written; 2 bad usage, or FILE.xlsx refused before anything is computed
  (it does not end in .xlsx, its folder does not exist or is not writable, or it exists and is
  not a CompAlign report, without --force); 1 the write itself failed.`,
  examples: ["compalign demo", "compalign demo --out sample.xlsx"],
  build: (parsed) => ({
    out: parsed.value("out") ?? DEMO_FILE,
    ...(parsed.flag("force") ? { force: true } : {}),
  }),
  run: (options, io) => runDemo(options, io),
});

export const DEMO_USAGE = DEMO_COMMAND.usage;
export const DEMO_HELP = DEMO_COMMAND.help;
export const parseDemoArgs = DEMO_COMMAND.parse;

const money = (v: number) => `$${Math.round(v).toLocaleString("en-US")}`;
const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? "n/a" : v.toFixed(3));

const ROWS: [string, (f: ScenarioFigures) => string][] = [
  ["Total payout", (f) => money(f.totalPayout)],
  [
    "Δ vs Baseline",
    (f) =>
      f.deltaVsBaseline === 0
        ? "—"
        : `${f.deltaVsBaseline > 0 ? "+" : "−"}${money(Math.abs(f.deltaVsBaseline))}`,
  ],
  ["Payout to target", (f) => pct(f.payoutToTarget)],
  ["Incentive cost of sales", (f) => pct(f.incentiveCostOfSales)],
  ["Incentive $ per gross-margin $", (f) => num(f.incentiveCostPerGrossMarginDollar)],
  ["Reps ≥ 100% weighted attainment", (f) => pct(f.shareAtOrAboveWeightedTarget)],
  [
    "Payout % of TI p10/p50/p90",
    (f) =>
      f.payoutPctOfTarget
        ? [f.payoutPctOfTarget.p10, f.payoutPctOfTarget.p50, f.payoutPctOfTarget.p90]
            .map((v) => `${Math.round(v * 100)}%`)
            .join("/")
        : "n/a",
  ],
  ["Gini of payout $ (all reps)", (f) => num(f.gini)],
  ["Realized alignment index", (f) => num(f.realizedAlignmentIndex)],
];

export function comparisonTable(scenarios: { name: string; figures: ScenarioFigures }[]): string {
  const header = ["", ...scenarios.map((s) => s.name)];
  const body = ROWS.map(([label, cell]) => [label, ...scenarios.map((s) => cell(s.figures))]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export async function runDemo({ out, force = false }: DemoOptions, io: Io): Promise<void> {
  checkNewOut("compalign demo", out, force);
  const started = Date.now();
  const book = XlsxWorkbook.empty();
  book.runDate = runDate();
  await insertSampleData(book);
  const view = await writeAlignmentView(book);
  const { run, sheets } = await runScenarioAction(book);
  await writeOutput("compalign demo", out, (path) => book.writeFile(path));
  const reps = run.included.reduce((s, v) => s + v, 0);
  const index = view.report.designAlignmentIndex;
  io.stdout(
    [
      `CompAlign demo: ${reps} reps on ${new Set(run.design.components.map((c) => c.plan)).size} plans, ${run.scenarios.length} scenarios (Baseline first)`,
      `Design alignment index ${index === null ? "n/a" : index.toFixed(3)}; ${view.report.findings.filter((f) => f.severity === "warning").length} warnings (see the Alignment View)`,
      "",
      ACTUALS_ASSUMPTION,
      comparisonTable(run.scenarios),
      "",
      `Wrote ${out}: ${[view.sheet.name, ...sheets.map((s) => s.name)].join(", ")}`,
      "",
    ].join("\n")
  );
  io.stderr(`compalign demo: done in ${Date.now() - started} ms`);
}
