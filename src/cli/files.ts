/**
 * Input and output paths of CLI commands: the input must be a readable file, an output must
 * never be the input (the input is only ever read) nor a directory.
 */
import { statSync, type Stats } from "node:fs";
import { resolve } from "node:path";
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

export function checkOut(command: string, out: string, input: string, inputStats: Stats): void {
  const outStats = statOrUndefined(out);
  // Same path, or another name (link) for the same file.
  const sameFile =
    resolve(out) === resolve(input) ||
    (outStats !== undefined && outStats.dev === inputStats.dev && outStats.ino === inputStats.ino);
  if (sameFile)
    throw new CliError(
      `${command}: --out ${out} is the input file; choose another path (the input is never modified)`
    );
  if (outStats?.isDirectory()) throw new CliError(`${command}: --out ${out} is a directory`);
}

/** The first clause of an error message: zip and XML parsers explain at length. */
export const firstClause = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split(/\n| : |\. /)[0];
