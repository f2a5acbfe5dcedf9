/**
 * `compalign calc IN.xlsx [--out OUT.xlsx] [--json]`: evaluates every formula of a workbook
 * headless (HyperFormula with the COMP functions) and prints the values as one JSON object
 * and/or writes a copy of the workbook with the values cached in its formula cells. The input
 * file is only ever read.
 */
import { formatA1 } from "../workbook/a1";
import {
  isErrorConstant,
  type ComputedFormula,
  type ComputedValue,
  type Constant,
} from "../workbook/formulaGrid";
import { formulaBook, loadXlsx } from "../workbook/xlsx/xlsxFormulas";
import { applyResults, saveXlsx } from "../workbook/xlsx/xlsxResults";
import { fileCommand, type FileArgs } from "./commandSpec";
import type { Io } from "./io";
import { checkPaths, readInput, writeOutput } from "./workbookCommand";

export type CalcOptions = FileArgs;

export const CALC_COMMAND = fileCommand({
  name: "calc",
  summary: "evaluate every formula of a workbook (COMP functions included) headless",
  out: `write a copy of the workbook in which every formula keeps its formula and carries the
  computed value (a spilled result becomes an array formula over its range); a formula calc
  cannot recompute keeps Excel's saved value. OUT.xlsx must end in .xlsx (macros are not
  kept) and must not be the input. The copy is not a CompAlign report, so replacing an earlier
  one (even calc's own) needs --force.`,
  json: `print one JSON object on stdout: {"Sheet!A1": value, ...} for every cell that holds a
  formula (a result that spills gives its top-left value; each cell of an array formula
  declared over a range is listed); errors as their text, e.g. "#VALUE!". A formula calc
  cannot recompute faithfully (a function or construct the engine lacks, or a cell depending
  on one) is never given a value: it is {"unsupported": "<what>", "cached": <Excel's saved
  value or null>}. This is also what calc does when neither option is given.`,
  description: `Evaluates every formula in IN.xlsx (COMP.* functions included, written as
  COMP.PAYOUT(...) or as Excel saves them, _xldudf_COMP_PAYOUT(...)) and reports the computed
  values.`,
  footer: `The last line on stderr counts the formulas not recomputed, by cause.

  Progress and warnings go to stderr. Exit status: 0 done, 2 bad usage or unreadable input, 1
  anything else.`,
  examples: [
    "compalign calc examples/commission-plan.xlsx --json",
    "compalign calc book.xlsx --out recalculated.xlsx",
  ],
  // Without --out, calc prints the JSON.
  refine: (args) => ({ ...args, json: args.json || args.out === undefined }),
  run: (options, io) => runCalc(options, io),
});

export const CALC_USAGE = CALC_COMMAND.usage;
export const CALC_HELP = CALC_COMMAND.help;
export const parseCalcArgs = CALC_COMMAND.parse;

type JsonValue = number | string | boolean;
/** A cell calc did not recompute: why, and the value Excel saved (null when the file has none). */
export interface UnsupportedJson {
  unsupported: string;
  cached: JsonValue | null;
}

function jsonValue(value: ComputedValue): JsonValue {
  if (isErrorConstant(value)) return value.error;
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  return value;
}

function cachedJson(value: Constant | null | undefined): JsonValue | null {
  if (value === null || value === undefined) return null;
  return isErrorConstant(value) ? value.error : value;
}

/**
 * {"Sheet!A1": value} for every cell that holds a formula, in sheet and reading order: a
 * formula's own cell (a result that spills gives its top-left value there) and each cell of an
 * array formula the file declares over a range.
 */
export function resultsJson(
  results: readonly ComputedFormula[]
): Record<string, JsonValue | UnsupportedJson> {
  const out: Record<string, JsonValue | UnsupportedJson> = {};
  for (const result of results) {
    const cells = result.declaredArray ? result.values : [result.values[0].slice(0, 1)];
    cells.forEach((row, r) =>
      row.forEach((value, c) => {
        out[`${result.sheet}!${formatA1({ row: result.row + r, col: result.col + c })}`] =
          result.unsupported === undefined
            ? jsonValue(value)
            : { unsupported: result.unsupported, cached: cachedJson(result.cached?.[r]?.[c]) };
      })
    );
  }
  return out;
}

/** The last line on stderr: how many formulas were not recomputed, by cause. */
export function unsupportedLine(total: number, counts: readonly [string, number][]): string {
  const n = counts.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return `compalign calc: all ${total} formulas recomputed, none unsupported`;
  const causes = counts.map(([cause, count]) => `${count} ${cause}`).join(", ");
  return `compalign calc: ${n} of ${total} formulas not recomputed (Excel's saved value kept): ${causes}`;
}

export async function runCalc(options: CalcOptions, io: Io): Promise<void> {
  const command = "compalign calc";
  // calc --out rewrites the workbook through exceljs, which writes no macros: always an .xlsx.
  checkPaths(command, options, false);
  const started = Date.now();
  const workbook = await readInput(command, options.input, loadXlsx);
  const book = formulaBook(workbook);
  // HyperFormula and the calc layer load only for this command: every other command (and the
  // scenario engine's write path) would pay ~16% of a 20,000-rep `scenarios --out` to load them.
  const { evaluateFormulaBook } = await import("../calc/hfWorkbook");
  const { results, warnings, unsupportedCounts } = evaluateFormulaBook(book);
  for (const warning of warnings) io.stderr(`warning: ${warning}`);
  io.stderr(
    `${command}: ${results.length} formulas in ${book.sheets.length} sheets evaluated in ${Date.now() - started} ms`
  );
  if (options.out !== undefined) {
    applyResults(workbook, results);
    await writeOutput(command, options.out, (out) => saveXlsx(workbook, out));
    io.stderr(`${command}: wrote ${options.out}`);
  }
  if (options.json) io.stdout(`${JSON.stringify(resultsJson(results))}\n`);
  io.stderr(unsupportedLine(results.length, unsupportedCounts));
}
