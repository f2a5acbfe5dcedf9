/**
 * Input and output paths of CLI commands: the input must be a readable file; an output is
 * checked before anything is computed: it is not empty, never the input (the input is only ever
 * read), not a directory, its folder exists and is writable, and an existing file there is
 * replaced only when it is a CompAlign report (a workbook with CompAlign's ownership marks) or
 * with --force, and its extension is the one Excel opens the written package under (.xlsx, or
 * .xlsm for a copy that keeps an .xlsm input's macros). Every command that writes a file calls
 * `checkOut` (or `checkNewOut`).
 */
import { accessSync, constants, readFileSync, statSync, type Stats } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { isOwnershipMark } from "../workbook/ownershipMarks";
import { entryText, readZip } from "../workbook/xlsx/zipPackage";
import { CliError } from "./io";

export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function checkInput(command: string, input: string): Stats {
  const stats = statOrUndefined(input);
  if (!stats) throw new CliError(`${command}: cannot read ${input}: no such file`);
  if (!stats.isFile()) throw new CliError(`${command}: cannot read ${input}: not a file`);
  return stats;
}

/** Whether the file at `path` is an .xlsx workbook holding CompAlign's ownership marks. */
export function isCompAlignReport(path: string): boolean {
  try {
    const entries = readZip(readFileSync(path));
    const workbook = entries.find((e) => e.name === "xl/workbook.xml");
    if (!workbook) return false;
    const names = entryText(workbook).matchAll(/<(?:\w+:)?definedName\b[^>]*\bname="([^"]*)"/g);
    return [...names].some((m) => isOwnershipMark(m[1]));
  } catch {
    return false;
  }
}

/** The extension Excel opens a written workbook under. */
export type WorkbookExtension = ".xlsx" | ".xlsm";

/**
 * The extension a copy of `input` is written under: ".xlsm" when the input is an .xlsm (the copy
 * keeps its macros and their content type) and `keepsMacros`, else ".xlsx".
 */
export const copyExtension = (input: string, keepsMacros = true): WorkbookExtension =>
  keepsMacros && extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";

/**
 * An output named out.csv (or out, or out.xlsm for a plain workbook) would hold a workbook that
 * Excel refuses to open under that name: refused before anything is computed.
 */
function checkExtension(command: string, label: string, out: string, ext: WorkbookExtension) {
  if (extname(out).toLowerCase() === ext) return;
  const why =
    ext === ".xlsm"
      ? "the copy keeps the input's macros, and Excel opens a workbook with macros only as .xlsm"
      : "the file written is an Excel workbook, which Excel opens only as .xlsx";
  throw new CliError(
    `${command}: ${label}${out} must end in ${ext}: ${why} (nothing was computed or written)`
  );
}

/**
 * The checks on an output path that do not involve an input: not empty, ends in `ext`, not a
 * directory, the folder exists and is writable, an existing file is a CompAlign report unless
 * `force`. `label` names the path in messages: "--out " for an option, "" for a positional.
 */
export function checkNewOut(
  command: string,
  out: string,
  force = false,
  { ext = ".xlsx", label = "--out " }: { ext?: WorkbookExtension; label?: string } = {}
): void {
  if (out.trim() === "")
    throw new CliError(
      `${command}: ${label === "" ? "the output file name is empty" : `${label.trim()} needs a file name (it is empty)`}`
    );
  const outStats = statOrUndefined(out);
  if (outStats?.isDirectory()) throw new CliError(`${command}: ${label}${out} is a directory`);
  checkExtension(command, label, out, ext);
  const folder = dirname(resolve(out));
  const folderStats = statOrUndefined(folder);
  if (!folderStats?.isDirectory())
    throw new CliError(`${command}: cannot write ${out}: the folder ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new CliError(`${command}: cannot write ${out}: the folder ${folder} is not writable`);
  }
  if (outStats && !force && !isCompAlignReport(out)) {
    throw new CliError(
      `${command}: ${out} exists and is not a CompAlign report; choose another name, or add --force to replace it (nothing was computed or written)`
    );
  }
}

export function checkOut(
  command: string,
  out: string,
  input: string,
  inputStats: Stats,
  force = false,
  ext: WorkbookExtension = copyExtension(input)
): void {
  if (out.trim() === "") throw new CliError(`${command}: --out needs a file name (it is empty)`);
  const outStats = statOrUndefined(out);
  // Same path, or another name (link) for the same file.
  const sameFile =
    resolve(out) === resolve(input) ||
    (outStats !== undefined && outStats.dev === inputStats.dev && outStats.ino === inputStats.ino);
  if (sameFile)
    throw new CliError(
      `${command}: --out ${out} is the input file; choose another path (the input is never modified)`
    );
  checkNewOut(command, out, force, { ext });
}

/** The first clause of an error message: zip and XML parsers explain at length. */
export const firstClause = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split(/\n| : |\. /)[0];
