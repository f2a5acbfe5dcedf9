/**
 * Every scenario output states what is assumed about actuals, in one line: the Scenario
 * Comparison tab, `scenarios --json` (and its stderr), and the demo's table. (The pane's
 * comparison: test/taskpane/planErrors.test.tsx.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runScenarioAction } from "../../src/actions";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";
import { ACTUALS_ASSUMPTION } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { sixSheets } from "./sixReps";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "compalign-assumption-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  return { io, out, err };
}

test("the line is the one the issue asks for", () => {
  expect(ACTUALS_ASSUMPTION).toBe(
    "Actuals are held as they are: these scenarios show what the plan would have paid for the same results."
  );
});

test("Scenario Comparison tab: the line under the title", async () => {
  const book = MemoryWorkbook.fromSheets(
    sixSheets([["Quotas +10%", "scale-quota", null, null, null, 1.1, null]])
  );
  await runScenarioAction(book);
  const [sheet] = await book.readSheets(["Scenario Comparison"]);
  expect(sheet!.values.slice(0, 4).map((r) => r[0])).toContain(ACTUALS_ASSUMPTION);
});

test("scenarios --json: an assumption key, and the line on stderr", async () => {
  const file = join(dir, "six.xlsx");
  const book = XlsxWorkbook.empty();
  for (const s of sixSheets())
    await book.createSheet({ name: s.name, blocks: [{ at: "A1", values: s.values }] });
  await book.writeFile(file);
  const { io, out, err } = capture();
  expect(await main(["scenarios", file, "--json"], io)).toBe(0);
  expect(JSON.parse(out.join("")).assumption).toBe(ACTUALS_ASSUMPTION);
  expect(err).toContain(`compalign scenarios: ${ACTUALS_ASSUMPTION}`);
}, 60_000);

test("demo: the line above the comparison table", async () => {
  const { io, out } = capture();
  expect(await main(["demo", "--out", join(dir, "demo.xlsx")], io)).toBe(0);
  const lines = out.join("").split("\n");
  const at = lines.indexOf(ACTUALS_ASSUMPTION);
  expect(at).toBeGreaterThan(0);
  expect(lines[at + 1]).toMatch(/^\s+Baseline/);
}, 60_000);
