/**
 * `compalign init OUT.xlsx`: writes the starter workbook "Set up workbook" creates in Excel
 * (Objectives, Matrix, Curves and Reps as formatted tables with a starter plan that passes every
 * check). Never overwrites a file.
 */
import { setupWorkbook } from "../actions";
import { XlsxWorkbook } from "../workbook/xlsx";
import { parseArgs } from "./args";
import { checkNewOut, statOrUndefined } from "./files";
import { CliError, type Io } from "./io";

export const INIT_USAGE = "compalign init OUT.xlsx";

export const INIT_HELP = `Usage: ${INIT_USAGE}

Writes a new CompAlign workbook: the Objectives, Matrix, Curves and Reps sheets of the
workbook contract (docs/workbook.md) as Excel tables with drop-downs, and a starter plan that
passes every alignment check. Refuses to overwrite an existing file.

Exit status: 0 written, 2 bad usage or OUT.xlsx already exists.`;

export function parseInitArgs(args: readonly string[]): { out: string } {
  const { positionals } = parseArgs(args, {}, "compalign init", INIT_USAGE);
  if (positionals.length !== 1) {
    throw new CliError(
      `compalign init: expected one output file, got ${positionals.length} (usage: ${INIT_USAGE})`
    );
  }
  return { out: positionals[0] };
}

export async function runInit({ out }: { out: string }, io: Io): Promise<void> {
  if (statOrUndefined(out))
    throw new CliError(
      `compalign init: ${out} already exists; choose a new file name (nothing was written)`
    );
  checkNewOut("compalign init", out);
  const book = XlsxWorkbook.empty();
  const { created } = await setupWorkbook(book);
  try {
    await book.writeFile(out);
  } catch (e) {
    throw new CliError(
      `compalign init: cannot write ${out} (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
      1
    );
  }
  io.stderr(`compalign init: wrote ${out} with ${created.join(", ")}`);
}
