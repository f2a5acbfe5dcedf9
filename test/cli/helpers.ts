/**
 * Shared helpers of the CLI tests: an Io that captures both streams, the CLI run in process
 * through `main`, a temporary folder per test file, a file's hash.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";

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

/**
 * A temporary folder made before the file's tests and removed after them; `path(name)` names a
 * file in it.
 */
export function tempFolder(prefix: string): { path: (name: string) => string } {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { path: (name) => join(dir, name) };
}

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
