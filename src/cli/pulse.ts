/**
 * `compalign pulse IN.xlsx [--json] [--out OUT.xlsx]`: the plan pulse check on a CompAlign
 * workbook whose Reps hold the period's actuals. Prints the checks (readable, or JSON with
 * --json); --out writes a copy of the workbook with the `Pulse Check <label>` tab. The input is
 * never modified. Exit 0 when the checks ran (whatever their status), 2 when the file cannot be
 * read, has no Matrix or Reps sheet, or on bad usage.
 */
import { ActionError } from "../actions";
import { PlanHasErrorsError } from "../actions";
import { planErrorsExit } from "./planErrors";
import { computePulse, runPulseCheck, type PulseComputation } from "../actions";
import { PULSE_CHECK_INFO, type PulseCheck } from "../engine/pulseChecks";
import { problemLine } from "../engine/problem";
import { formatPulseValue, statusCounts, statusWithValue, worstFirst } from "../reports/pulseSheet";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkInput, checkOut, firstClause } from "./files";
import { CliError, type Io } from "./io";
import { runDate } from "./runDate";

export const PULSE_USAGE = "compalign pulse IN.xlsx [--json] [--out OUT.xlsx]";

export const PULSE_HELP = `Usage: ${PULSE_USAGE}

Checks whether the plan in IN.xlsx (Objectives, Matrix, Curves, and Reps holding the period's
actuals: docs/workbook.md) is doing what it was designed to do, against healthy bands that the
optional Pulse Settings sheet can override, plan by plan and for the company: reps at quota,
payout following attainment, leverage (p90, p10), payout to target and incentive cost of sales
against plan, concentration, threshold, excellence and cap reach, realized vs design alignment,
pay for outcomes, pay mix and priority payout. Each check is OK, Watch, Act, Not set (no plan
value or band to compare with) or Too few reps (a plan under Min Reps Per Plan, default 10),
with its value, its band and what to do.

  --json          print one JSON object on stdout:
                  {"checks": [{"id", "status", "value", "band", "message"}],
                   "plans": [{"plan", "reps", "checks": [{"id", "status", "value", "band",
                   "message"}]}]}
                  "checks" are the company's; ids, in this order: share-at-quota,
                  pay-for-performance, leverage-p90, leverage-p10, payout-to-target,
                  cost-of-sales, concentration, threshold-reach, excellence-reach, capped-reps,
                  alignment-drift, pay-for-outcomes, pay-mix, priority-payout
  --out OUT.xlsx  write a copy of IN.xlsx, every original sheet unchanged, plus the
                  "Pulse Check <label>" tab (label: Pulse Settings Period, else the current
                  fiscal quarter, e.g. 2026 Q4) and the Pulse Trend tab.
                  OUT.xlsx must not be the input.
  --force         replace OUT.xlsx even when it exists and is not a CompAlign report

Without --json a readable report is printed. Exit status: 0 the checks ran (Watch and Act are
findings, not failures), 1 the plan has error findings (nothing computed; the errors on stderr,
with --json {"error": "plan-has-errors", "findings": [...]} on stdout), 2 the file cannot be
read, has no Matrix or Reps sheet, or bad usage.`;

export interface PulseCliOptions {
  input: string;
  out?: string;
  json: boolean;
  /** Replace an existing OUT that is not a CompAlign report. */
  force?: boolean;
}

export function parsePulseArgs(args: readonly string[]): PulseCliOptions {
  const { positionals, options } = parseArgs(
    args,
    { out: "value", json: "switch", force: "switch" },
    "compalign pulse",
    PULSE_USAGE
  );
  if (positionals.length !== 1) {
    throw new CliError(
      `compalign pulse: expected one input file, got ${positionals.length} (usage: ${PULSE_USAGE})`
    );
  }
  return {
    input: positionals[0],
    out: options.out === undefined ? undefined : String(options.out),
    json: options.json === true,
    ...(options.force === true ? { force: true } : {}),
  };
}

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

/** Today's date in the local time zone as yyyy-mm-dd: the label when Pulse Settings has no Period. */
export function localDate(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

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
 * Runs the command. `today` is the label used when Pulse Settings has no Period (tests pass
 * one; the command line uses the local date).
 */
export async function runPulseCommand(
  options: PulseCliOptions,
  io: Io,
  today: string = localDate()
): Promise<number> {
  const inputStats = checkInput("compalign pulse", options.input);
  if (options.out !== undefined)
    checkOut("compalign pulse", options.out, options.input, inputStats, options.force);
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.fromFile(options.input);
    book.runDate = runDate(); // printed in the page header of the tabs it writes
  } catch (e) {
    throw new CliError(
      `compalign pulse: cannot read ${options.input} as an .xlsx workbook (${firstClause(e)})`
    );
  }
  let result: PulseComputation;
  let tabName: string | null = null;
  try {
    if (options.out !== undefined) {
      const written = await runPulseCheck(book, { today });
      result = written;
      tabName = written.sheet.name;
    } else {
      result = await computePulse(book, { today });
    }
  } catch (e) {
    if (e instanceof PlanHasErrorsError)
      return planErrorsExit("compalign pulse", options.input, e, options.json, io);
    if (e instanceof ActionError)
      throw new CliError(
        `compalign pulse: ${options.input}: ${e.message}`,
        e.kind === "not-computable" ? 1 : 2
      );
    throw e;
  }
  for (const warning of result.warnings)
    io.stderr(`compalign pulse: warning: ${problemLine(warning)}`);
  const issues = result.pulse.dataIssues;
  if (issues.length > 0)
    io.stderr(
      `compalign pulse: ${issues.length} rep${issues.length === 1 ? "" : "s"} with data issues left out (first: row ${issues[0].row}, ${issues[0].message})`
    );
  if (options.out !== undefined) {
    try {
      await book.writeFile(options.out);
    } catch (e) {
      throw new CliError(`compalign pulse: cannot write ${options.out} (${firstClause(e)})`, 1);
    }
    io.stderr(`compalign pulse: wrote ${options.out} with the ${tabName} tab`);
  }
  io.stdout(options.json ? `${JSON.stringify(pulseJson(result))}\n` : readable(result, tabName));
  return 0;
}
