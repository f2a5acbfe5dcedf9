/**
 * The hostile-workbook corpus (test/fixtures/bad/, built by scripts/make-bad-workbooks.js) through
 * every command, in-process through the CLI's main function: each case's expected exit code,
 * finding ids and message fragment (cases.json), and never a message that names an internal
 * block, a JavaScript error or a stack.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { INTERNAL_TEXT as INTERNAL } from "../helpers/internalText";
import { compalign, ensureCompiledCli } from "./compiledCli";

interface Expected {
  exit: number | number[];
  rules?: string[];
  text?: string;
}
interface Case {
  id: string;
  file: string;
  what: string;
  expect: Record<string, Expected>;
}

const DIR = join(__dirname, "..", "fixtures", "bad");
const CASES: Case[] = JSON.parse(readFileSync(join(DIR, "cases.json"), "utf8"));
const COMMANDS = ["check", "scenarios", "pulse", "explain", "calc"] as const;

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "compalign-bad-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += `${t}\n`;
    },
  });
  return { code, stdout, stderr };
}

const argsFor = (command: (typeof COMMANDS)[number], input: string, id: string): string[] => {
  switch (command) {
    case "scenarios":
      return ["scenarios", input, "--json", "--out", join(out, `${id}-scenarios.xlsx`)];
    case "calc":
      return ["calc", input, "--json"];
    default:
      return [command, input, "--json"];
  }
};

test("the corpus has at least 60 cases, each with an outcome for every command", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  for (const c of CASES) expect(Object.keys(c.expect).sort()).toEqual([...COMMANDS].sort());
});

describe.each(CASES.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  test.each(COMMANDS.map((command) => [command] as const))(
    "%s",
    async (command) => {
      const expected = c.expect[command];
      const { code, stdout, stderr } = await run(argsFor(command, join(DIR, c.file), c.id));
      const shown = `${stderr}\n${stdout}`;
      const where = `${c.id} (${c.what}) — compalign ${command}:\n${stderr}${stdout.slice(0, 2000)}`;
      for (const pattern of INTERNAL)
        if (pattern.test(stderr)) throw new Error(`internal message ${pattern} in ${where}`);
      const exits = Array.isArray(expected.exit) ? expected.exit : [expected.exit];
      if (!exits.includes(code))
        throw new Error(`exit ${code}, expected ${exits.join(" or ")}: ${where}`);
      if (expected.text) {
        const decoded = shown.replace(/\\"/g, '"');
        if (!decoded.includes(expected.text)) throw new Error(`no "${expected.text}" in ${where}`);
      }
      if (expected.rules && command === "check" && code !== 2) {
        const rules = new Set(
          (JSON.parse(stdout).findings as { rule: string }[]).map((f) => f.rule)
        );
        for (const rule of expected.rules)
          if (!rules.has(rule)) throw new Error(`no finding ${rule} in ${where}`);
      }
      if (code === 0 && command === "scenarios") {
        const json = JSON.parse(stdout);
        expect(json.scenarios.length).toBeGreaterThan(0);
        for (const s of json.scenarios) expect(Number.isFinite(s.totalPayout)).toBe(true);
      }
    },
    60_000
  );
});

test("through the real bin/compalign.js too (a few cases): the same plain words, no stack", () => {
  ensureCompiledCli();
  for (const [id, command, exit, text] of [
    ["encrypted", "check", 2, "the workbook is encrypted"],
    ["broken-sheet-xml", "scenarios", 2, "a part of the workbook is damaged"],
    ["reps-headers-only", "pulse", 1, "No rep could be computed"],
    ["curve-extend-tiny-quota", "scenarios", 1, "too large to be numbers"],
    ["reps-headers-only", "risk", 1, "No rep could be computed"],
    ["curve-extend-tiny-quota", "risk", 1, "too large to be numbers"],
  ] as const) {
    const run = compalign(command, join(DIR, `${id}.xlsx`), "--json");
    expect(run.status).toBe(exit);
    expect(run.stderr).toContain(text);
    for (const pattern of INTERNAL) expect(run.stderr).not.toMatch(pattern);
  }
}, 300_000);
