/** The README's demo table is the demo's real output on the built-in sample, not a hand-typed copy. */
import fs from "node:fs";
import path from "node:path";
import { insertSampleData, runScenarioAction } from "../../src/actions";
import { comparisonTable } from "../../src/cli/demo";
import { ACTUALS_ASSUMPTION } from "../../src/engine/scenarioRunner";
import { MemoryWorkbook } from "../../src/workbook/memory";

test("README shows the assumption line and the comparison table of a real demo run", async () => {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  const { run } = await runScenarioAction(book);
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  expect(readme).toContain(
    `\`\`\`\n${ACTUALS_ASSUMPTION}\n${comparisonTable(run.scenarios)}\n\`\`\``
  );
}, 60_000);
