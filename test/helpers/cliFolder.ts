/**
 * A temporary folder for end-to-end CLI tests, holding the sample plan `plan.xlsx` written by
 * `compalign init` before the file's tests and removed after them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compalign, ensureCompiledCli } from "../cli/compiledCli";

export function cliFolderWithPlan(prefix: string): {
  dir: () => string;
  path: (name: string) => string;
} {
  let dir = "";
  beforeAll(() => {
    ensureCompiledCli();
    dir = mkdtempSync(join(tmpdir(), prefix));
    expect(compalign("init", join(dir, "plan.xlsx")).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir: () => dir, path: (name) => join(dir, name) };
}
