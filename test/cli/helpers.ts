/**
 * Shared helpers of the CLI tests: an Io that captures both streams, the CLI run in process
 * through `main`, a temporary folder per test file, a file's hash.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { compalign, ensureCompiledCli } from "./compiledCli";

export type CapturedIo = Io & { out: string[]; err: string[] };

/** An Io that keeps what a command prints: `out` (stdout writes), `err` (stderr lines). */
export function capture(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

export interface CliRun {
  code: number;
  stdout: string;
  /** The stderr lines joined by "\n". */
  stderr: string;
  err: string[];
}

/** `compalign ...args` in process: its exit status and output. */
export async function cli(...args: string[]): Promise<CliRun> {
  const io = capture();
  const code = await main(args, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("\n"), err: io.err };
}

export interface TempFolder {
  /** A file in the folder. */
  path: (name: string) => string;
  /** The folder. */
  dir: () => string;
}

/**
 * A temporary folder made before the file's tests (then `setup` runs in it) and removed after
 * them.
 */
export function tempFolder(
  prefix: string,
  setup?: (folder: TempFolder) => void | Promise<void>
): TempFolder {
  let dir = "";
  const folder: TempFolder = { path: (name) => join(dir, name), dir: () => dir };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    await setup?.(folder);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return folder;
}

/** A `tempFolder` setup for subprocess tests: the compiled CLI, and plan.xlsx from `init`. */
export function starterPlan({ path }: TempFolder): void {
  ensureCompiledCli();
  expect(compalign("init", path("plan.xlsx")).status).toBe(0);
}

/** The workbook at `file`, read with exceljs. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Writes to `to` a copy of the workbook `from` changed by `edit`; resolves to `to`. */
export async function editedCopy(
  from: string,
  to: string,
  edit: (book: ExcelJS.Workbook) => void
): Promise<string> {
  const book = await readWorkbook(from);
  edit(book);
  await book.xlsx.writeFile(to);
  return to;
}

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
