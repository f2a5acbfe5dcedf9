/**
 * The one open-input / map-errors / write-`--out` path of the commands that read a workbook and
 * may write a copy: the paths are checked before anything is read or computed, an unreadable
 * input is exit 2 naming the file, an action's plain error becomes one line (exit 1 when the
 * plan cannot be computed, else 2), a plan with error findings is refused (planErrors.ts), and a
 * failed write is exit 1 naming OUT. check, scenarios, pulse, explain and risk run through
 * `runWorkbookCommand`; calc, init and demo use its parts.
 */
import { ActionError, PlanHasErrorsError } from "../actions";
import { XlsxWorkbook } from "../workbook/xlsx";
import type { FileArgs } from "./commandSpec";
import { checkInput, checkOut, copyExtension, firstClause } from "./files";
import { CliError, type Io } from "./io";
import { planErrorsExit } from "./planErrors";
import { runDate } from "./runDate";

/**
 * Checks IN (a readable file) and --out (see files.ts) before anything is read or computed.
 * `keepsMacros`: OUT is a copy of the input package (an .xlsm input gives an .xlsm copy); false
 * for a command that writes a plain .xlsx whatever the input (calc).
 */
export function checkPaths(
  command: string,
  { input, out, force }: FileArgs,
  keepsMacros = true
): void {
  const stats = checkInput(command, input);
  if (out !== undefined)
    checkOut(command, out, input, stats, force, copyExtension(input, keepsMacros));
}

/** `load(input)`; a failure is exit 2: the input cannot be read as an .xlsx workbook. */
export async function readInput<B>(
  command: string,
  input: string,
  load: (path: string) => Promise<B>
): Promise<B> {
  try {
    return await load(input);
  } catch (e) {
    throw new CliError(`${command}: cannot read ${input} as an .xlsx workbook (${firstClause(e)})`);
  }
}

/** `save(out)`; a failure is exit 1 naming OUT. */
export async function writeOutput(
  command: string,
  out: string,
  save: (path: string) => Promise<void>
): Promise<void> {
  try {
    await save(out);
  } catch (e) {
    throw new CliError(`${command}: cannot write ${out} (${firstClause(e)})`, 1);
  }
}

/** What one workbook command does between reading IN and writing OUT. */
export interface WorkbookJob<R> {
  /** Runs the action on the workbook; `writing` is true when --out was given. */
  compute: (book: XlsxWorkbook, writing: boolean) => Promise<R>;
  /** Lines for stderr once computed (the command name is prefixed); `ms`: the compute time. */
  notes?: (result: R, ms: number) => string[];
  /** The stderr line once OUT is written, without the command name: "wrote OUT with ...". */
  wrote: (out: string, result: R) => string;
  /** Prints the result on stdout (and anything after it); resolves to the exit status. */
  output: (result: R, io: Io) => number;
}

/**
 * `compalign <command> IN.xlsx [--out OUT.xlsx] [--json]` for a command that reads a CompAlign
 * workbook: checks the paths, reads IN, runs the job, writes OUT, prints. The input is never
 * modified; nothing is written when anything before the write fails.
 */
export async function runWorkbookCommand<R>(
  command: string,
  args: FileArgs,
  io: Io,
  job: WorkbookJob<R>
): Promise<number> {
  checkPaths(command, args);
  const book = await readInput(command, args.input, (path) => XlsxWorkbook.fromFile(path));
  book.runDate = runDate(); // printed in the page header of the tabs it writes
  const started = Date.now();
  let result: R;
  try {
    result = await job.compute(book, args.out !== undefined);
  } catch (e) {
    if (e instanceof PlanHasErrorsError)
      return planErrorsExit(command, args.input, e, args.json, io);
    if (e instanceof ActionError)
      throw new CliError(
        `${command}: ${args.input}: ${e.message}`,
        e.kind === "not-computable" ? 1 : 2
      );
    throw e;
  }
  for (const line of job.notes?.(result, Date.now() - started) ?? [])
    io.stderr(`${command}: ${line}`);
  if (args.out !== undefined) {
    await writeOutput(command, args.out, (out) => book.writeFile(out));
    io.stderr(`${command}: ${job.wrote(args.out, result)}`);
  }
  return job.output(result, io);
}
