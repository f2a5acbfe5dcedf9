/**
 * `compalign pulse IN.xlsx [--json] [--out OUT.xlsx]`: the plan pulse check on a CompAlign
 * workbook whose Reps hold the period's actuals. Prints the checks (readable, or JSON with
 * --json); --out writes a copy of the workbook with the `Pulse Check <label>` tab. The input is
 * never modified. Exit 0 when the checks ran (whatever their status), 2 when the file cannot be
 * read, has no Matrix or Reps sheet, or on bad usage.
 */
import { ActionError } from "../actions/errors";
import { computePulse, runPulseCheck, type PulseComputation } from "../actions/pulseCheck";
import { PULSE_CHECK_INFO } from "../engine/pulseChecks";
import { formatPulseValue, statusCounts } from "../reports/pulseSheet";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkInput, checkOut, firstClause } from "./files";
import { CliError, type Io } from "./io";

export const PULSE_USAGE = "compalign pulse IN.xlsx [--json] [--out OUT.xlsx]";

export const PULSE_HELP = `Usage: ${PULSE_USAGE}

Checks whether the plan in IN.xlsx (Objectives, Matrix, Curves, and Reps holding the period's
actuals: docs/workbook.md) is doing what it was designed to do, against healthy bands that the
optional Pulse Settings sheet can override: reps at quota, pay for performance, leverage
(p90, p10), payout to target and incentive cost of sales against plan, concentration, threshold
and excellence reach, reps held at a cap, and realized vs design alignment. Each check is OK,
Watch or Act with its value, its band and what to do.

  --json          print one JSON object on stdout:
                  {"checks": [{"id", "status", "value", "band", "message"}]}
                  ids, in this order: share-at-quota, pay-for-performance, leverage-p90,
                  leverage-p10, payout-to-target, cost-of-sales, concentration, threshold-reach,
                  excellence-reach, capped-reps, alignment-drift
  --out OUT.xlsx  write a copy of IN.xlsx, every original sheet unchanged, plus the
                  "Pulse Check <label>" tab (label: Pulse Settings Period, else today's date).
                  OUT.xlsx must not be the input.
  --force         replace OUT.xlsx even when it exists and is not a CompAlign report

Without --json a readable report is printed. Exit status: 0 the checks ran (Watch and Act are
findings, not failures), 2 the file cannot be read, has no Matrix or Reps sheet, or bad usage.`;

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

/** The JSON contract: exactly id, status, value, band and message per check, in the stable order. */
export function pulseJson({ checks }: Pick<PulseComputation, "checks">) {
  return {
    checks: checks.map(({ id, status, value, band, message }) => ({
      id,
      status,
      value: value !== null && Number.isFinite(value) ? value : null,
      band,
      message,
    })),
  };
}

/** Today's date in the local time zone as yyyy-mm-dd: the label when Pulse Settings has no Period. */
export function localDate(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function readable({ pulse, checks }: PulseComputation, tabName: string | null): string {
  const status = (s: string) => s.padEnd(5);
  const titleWidth = Math.max(...checks.map((c) => PULSE_CHECK_INFO[c.id].title.length));
  const lines = [
    `Pulse check ${pulse.label}: ${pulse.computedReps} reps computed` +
      (pulse.dataIssues.length ? `, ${pulse.dataIssues.length} left out for data issues` : "") +
      ` — ${statusCounts(checks.map((c) => c.status))}`,
    "",
    ...checks.flatMap((c) => [
      `${status(c.status)}  ${c.title.padEnd(titleWidth)}  ${formatPulseValue(c.id, c.value).padStart(8)}  (band ${c.band})`,
      `       ${c.message}`,
    ]),
  ];
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
    if (e instanceof ActionError)
      throw new CliError(`compalign pulse: ${options.input}: ${e.message}`);
    throw e;
  }
  for (const warning of result.warnings) io.stderr(`compalign pulse: warning: ${warning}`);
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
