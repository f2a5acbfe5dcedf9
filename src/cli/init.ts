/**
 * `compalign init OUT.xlsx`: writes the starter workbook "Set up workbook" creates in Excel
 * (Objectives, Matrix, Curves, Reps and Scenarios as formatted tables with a starter plan that
 * has no error finding). Never overwrites a file.
 */
import { setupWorkbook } from "../actions";
import { XlsxWorkbook } from "../workbook/xlsx";
import { defineCommand } from "./commandSpec";
import { checkNewOut, statOrUndefined } from "./files";
import { CliError, type Io } from "./io";
import { writeOutput } from "./workbookCommand";

export const INIT_COMMAND = defineCommand<{ out: string }>({
  name: "init",
  summary: "write a new CompAlign workbook with the starter plan",
  positional: { arg: "OUT.xlsx", noun: "output file" },
  options: [],
  description: `Writes a new CompAlign workbook: the Objectives, Matrix, Curves, Reps and Scenarios
  sheets of the workbook contract (docs/workbook.md) as Excel tables with drop-downs, and a
  starter plan with no error finding (compalign check exits 0). Refuses to overwrite an existing file.`,
  footer: `Exit status: 0 written; 2 bad usage, or OUT.xlsx refused before anything is written (it
  already exists, does not end in .xlsx, or its folder does not exist or is not writable); 1 the
  write itself failed.`,
  examples: ["compalign init plan.xlsx"],
  build: (parsed) => ({ out: parsed.positional }),
  run: (options, io) => runInit(options, io),
});

export const INIT_USAGE = INIT_COMMAND.usage;
export const INIT_HELP = INIT_COMMAND.help;
export const parseInitArgs = INIT_COMMAND.parse;

export async function runInit({ out }: { out: string }, io: Io): Promise<void> {
  const stats = out.trim() === "" ? undefined : statOrUndefined(out);
  if (stats)
    throw new CliError(
      `compalign init: ${out} already exists${stats.isDirectory() ? " (a folder)" : ""}; choose a new file name (nothing was written)`
    );
  checkNewOut("compalign init", out, false, { label: "" });
  const book = XlsxWorkbook.empty();
  const { created } = await setupWorkbook(book);
  await writeOutput("compalign init", out, (path) => book.writeFile(path));
  io.stderr(`compalign init: wrote ${out} with ${created.join(", ")}`);
}
