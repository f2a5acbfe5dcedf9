/**
 * `compalign pulse IN.xlsx [--json] [--out OUT.xlsx]`: the plan pulse check on a CompAlign
 * workbook whose Reps hold the period's actuals. Prints the checks (readable, or JSON with
 * --json); --out writes a copy of the workbook with the `Pulse Check <period>` tab. The input is
 * never modified. Exit 0 when the checks ran (whatever their status), 2 when the file cannot be
 * read, has no Matrix or Reps sheet, or on bad usage.
 */
import { computePulse, runPulseCheck, type PulseComputation } from "../actions";
import { problemLine } from "../engine/problem";
import { PULSE_CHECK_IDS, PULSE_CHECK_INFO, type PulseCheck } from "../engine/pulseChecks";
import { formatPulseValue, statusCounts, statusWithValue, worstFirst } from "../reports/pulseSheet";
import { fileCommand, type FileArgs } from "./commandSpec";
import type { Io } from "./io";
import { runDate } from "./runDate";
import { runWorkbookCommand } from "./workbookCommand";

export type PulseCliOptions = FileArgs;

/** The help's list of checks, generated from the engine's: "  id  title", in --json order. */
export function pulseCheckList(): string {
  const width = Math.max(...PULSE_CHECK_IDS.map((id) => id.length));
  return [
    "Checks, in --json order (id, title):",
    ...PULSE_CHECK_IDS.map((id) => `  ${id.padEnd(width)}  ${PULSE_CHECK_INFO[id].title}`),
  ].join("\n");
}

export const PULSE_COMMAND = fileCommand({
  name: "pulse",
  summary: "check a live plan, plan by plan, on the period's actuals against healthy bands",
  out: `write a copy of IN.xlsx, every original sheet unchanged, plus the "Pulse Check <period>"
  tab (period: Pulse Settings Period, else the current fiscal quarter, e.g. 2026 Q4) and the
  Pulse Trend tab. OUT.xlsx must not be the input.`,
  json: `print one JSON object on stdout:
  {"checks": [{"id", "status", "value", "band", "message"}], "plans": [{"plan", "reps",
  "checks": [{"id", "status", "value", "band", "message"}]}]}

  "checks" are the company's; ids, in this order: ${PULSE_CHECK_IDS.join(", ")}`,
  jsonFirst: true,
  description: `Checks whether the plan in IN.xlsx (Objectives, Matrix, Curves, and Reps holding
  the period's actuals: docs/workbook.md) is doing what it was designed to do, against healthy
  bands that the optional Pulse Settings sheet can override, plan by plan and for the company
  (the checks are listed below). Each check is OK, Watch, Act, Not set (no plan value or band to
  compare with) or Too few reps (a plan under Min Reps Per Plan, default 10), with its value,
  its band and what to do.`,
  footer: `Without --json a readable report is printed. Exit status: 0 the checks ran (Watch and
  Act are findings, not failures), 1 the plan has error findings (nothing computed; the errors
  on stderr, with --json {"error": "plan-has-errors", "findings": [...]} on stdout) or no rep can
  be computed (Reps has no rows, every rep has a data issue, ...; nothing is written), 2 the file
  cannot be read, has no Matrix or Reps sheet, or bad usage.`,
  sections: [pulseCheckList()],
  examples: ["compalign pulse plan.xlsx", "compalign pulse plan.xlsx --json --out pulse.xlsx"],
  run: (options, io) => runPulseCommand(options, io),
});

export const PULSE_USAGE = PULSE_COMMAND.usage;
export const PULSE_HELP = PULSE_COMMAND.help;
export const parsePulseArgs = PULSE_COMMAND.parse;

const checkJson = ({ id, status, value, band, message }: PulseCheck) => ({
  id,
  status,
  value: value !== null && Number.isFinite(value) ? value : null,
  band,
  message,
});

/**
 * The JSON contract: the company's checks, then each plan's (Reps order), exactly id, status,
 * value, band and message per check, in the stable order.
 */
export function pulseJson({ checks, pulse }: Pick<PulseComputation, "checks" | "pulse">) {
  return {
    checks: checks.map(checkJson),
    plans: pulse.plans.map((p) => ({
      plan: p.plan,
      reps: p.reps,
      checks: p.checks.map(checkJson),
    })),
  };
}

/**
 * Today's date in the local time zone as yyyy-mm-dd: without a Pulse Settings Period, the period
 * is its fiscal quarter (`2026 Q4`).
 */
export const localDate = runDate;

function readable({ pulse, checks }: PulseComputation, tabName: string | null): string {
  const status = (s: string) => s.padEnd(12);
  const titleWidth = Math.max(...checks.map((c) => PULSE_CHECK_INFO[c.id].title.length));
  const lines = [
    `Pulse check ${pulse.label}: ${pulse.computedReps} reps computed` +
      (pulse.dataIssues.length ? `, ${pulse.dataIssues.length} left out for data issues` : "") +
      ` — ${statusCounts(checks.map((c) => c.status))}`,
    "",
    ...checks.flatMap((c) => [
      `${status(c.status)}  ${c.title.padEnd(titleWidth)}  ${formatPulseValue(c.id, c.value).padStart(8)}  (band ${c.band})`,
      `              ${c.message}`,
    ]),
  ];
  if (pulse.plans.length > 0) {
    const order = worstFirst(pulse);
    const cols = ["Company", ...pulse.plans.map((p) => `${p.plan} (${p.reps})`)];
    const cells = order.map((id) => [
      statusWithValue(checks.find((c) => c.id === id)!),
      ...pulse.plans.map((p) => statusWithValue(p.checks.find((c) => c.id === id)!)),
    ]);
    const widths = cols.map((h, k) => Math.max(h.length, ...cells.map((r) => r[k].length)));
    const idWidth = Math.max(...order.map((id) => id.length));
    const row = (first: string, rest: string[]) =>
      `${first.padEnd(idWidth)}  ${rest.map((x, k) => x.padEnd(widths[k])).join("  ")}`.trimEnd();
    lines.push("", "By plan (status · value), worst first:", row("", cols));
    order.forEach((id, r) => lines.push(row(id, cells[r])));
  }
  if (tabName) lines.push("", `Wrote the ${tabName} tab.`);
  return `${lines.join("\n")}\n`;
}

/**
 * Runs the command. `today` (yyyy-mm-dd) gives the period when Pulse Settings has no Period: its
 * fiscal quarter (tests pass one; the command line uses the local date).
 */
export function runPulseCommand(
  options: PulseCliOptions,
  io: Io,
  today: string = localDate()
): Promise<number> {
  return runWorkbookCommand("compalign pulse", options, io, {
    // `written`: the tab --out adds (null without --out).
    compute: async (book, writing): Promise<PulseComputation & { written: string | null }> => {
      if (!writing) return { ...(await computePulse(book, { today })), written: null };
      const result = await runPulseCheck(book, { today });
      return { ...result, written: result.sheet.name };
    },
    notes: ({ warnings, pulse }) => {
      const issues = pulse.dataIssues;
      return [
        ...warnings.map((warning) => `warning: ${problemLine(warning)}`),
        ...(issues.length > 0
          ? [
              `${issues.length} rep${issues.length === 1 ? "" : "s"} with data issues left out (first: row ${issues[0].row}, ${problemLine(issues[0])})`,
            ]
          : []),
      ];
    },
    wrote: (out, { written }) => `wrote ${out} with the ${written} tab`,
    output: (result, io) => {
      io.stdout(
        options.json ? `${JSON.stringify(pulseJson(result))}\n` : readable(result, result.written)
      );
      return 0;
    },
  });
}
