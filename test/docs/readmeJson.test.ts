/**
 * The README's `--json` contracts name the keys the commands really print: for check, scenarios,
 * pulse, explain and risk, every key of the real output (below the name-keyed maps such as
 * payoutByPlan) is named in the command's README section, and every key the section names is in
 * the output. Run in process on the starter plan with one data issue and one invalid scenario, so
 * that every array holds an element.
 */
import fs from "node:fs";
import path from "node:path";
import { cli, editedCopy, tempFolder } from "../cli/helpers";

jest.setTimeout(120_000);

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const { path: file } = tempFolder("compalign-readme-json-");

/** The README section of `compalign <name>`: from its heading to the next one. */
function section(name: string): string {
  const start = readme.indexOf(`### \`${name}\``);
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n### ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/**
 * The keys a section's JSON contracts name: every "word" inside a `{...}` code span, but the
 * plan-has-errors object (commands.test.ts checks it). Risk's `"invalidScenarios": [...]` and
 * `"dataIssues": [...]` are "as in scenarios": their keys are read from there.
 */
function documentedKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const [, span] of text.matchAll(/`(\{[^`]*\})`/g)) {
    if (span.startsWith('{"error"')) continue;
    for (const [, key] of span.matchAll(/"([A-Za-z][A-Za-z0-9]*)"/g)) keys.add(key);
    if (span.includes('"invalidScenarios": [...]') || span.includes('"dataIssues": [...]')) {
      const scenarios = section("scenarios");
      for (const list of ["invalidScenarios", "dataIssues"]) {
        const element = new RegExp(`"${list}": \\[\\{([^}]*)\\}\\]`).exec(scenarios);
        expect(element).not.toBeNull();
        for (const [, key] of element![1].matchAll(/"(\w+)"/g)) keys.add(key);
      }
    }
  }
  return keys;
}

/**
 * Objects keyed by names from the workbook (plans, metrics, objectives...), not by the contract;
 * byPlan, bySegment and byTerritory are inside attainmentByMetric (risk's byPlan is an array).
 */
const NAME_KEYED = new Set([
  "attainmentByMetric",
  "payoutByObjective",
  "payoutByPlan",
  "payoutBySegment",
  "payoutByTerritory",
  "profitabilityByPlan",
  "profitabilityBySegment",
  "profitabilityByTerritory",
  "byPlan",
  "bySegment",
  "byTerritory",
]);

/** Every key of a JSON value, but the names of name-keyed objects (their values' keys count). */
function printedKeys(value: unknown, out = new Set<string>(), nameKeyed = false): Set<string> {
  if (Array.isArray(value)) for (const v of value) printedKeys(v, out);
  else if (value !== null && typeof value === "object")
    for (const [key, v] of Object.entries(value)) {
      if (!nameKeyed) out.add(key);
      printedKeys(v, out, !nameKeyed && NAME_KEYED.has(key));
    }
  return out;
}

let plan = "";
beforeAll(async () => {
  expect((await cli("init", file("plan.xlsx"))).code).toBe(0);
  plan = await editedCopy(file("plan.xlsx"), file("issues.xlsx"), (book) => {
    // One rep whose Target Incentive is text (a data issue), one scenario with an unknown change.
    const reps = book.getWorksheet("Reps")!;
    const header = reps.getRow(1).values as unknown[];
    reps.getRow(2).getCell(header.indexOf("Target Incentive")).value = "n/a";
    const scenarios = book.getWorksheet("Scenarios")!;
    const columns = scenarios.getRow(1).values as unknown[];
    const row = scenarios.getRow(scenarios.rowCount + 1);
    row.getCell(columns.indexOf("Scenario")).value = "Typo";
    row.getCell(columns.indexOf("Change")).value = "scale-everything";
    row.getCell(columns.indexOf("Value")).value = 2;
  });
});

test.each([
  ["check", true],
  ["scenarios", true],
  ["pulse", true],
  ["explain", false], // the README lists the main keys and "..." (the help lists every one)
  ["risk", true],
])("%s --json prints the keys the README names", async (command, complete) => {
  const { code, stdout } = await cli(command, plan, "--json");
  expect(code).toBe(0);
  const printed = printedKeys(JSON.parse(stdout));
  const documented = documentedKeys(section(command));
  // Every element of every array was there to be seen.
  if (command === "scenarios" || command === "risk")
    for (const key of ["rep", "row", "cells", "reason"]) expect(printed).toContain(key);
  const undocumented = [...printed].filter((k) => !documented.has(k));
  const unprinted = [...documented].filter((k) => !printed.has(k));
  if (complete) expect(undocumented).toEqual([]);
  expect(unprinted).toEqual([]);
});
