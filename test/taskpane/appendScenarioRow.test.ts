import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { appendScenarioRow } from "../../src/taskpane/scenarios/appendScenarioRow";
import type { ScenarioRow } from "../../src/taskpane/scenarios/scenarioRow";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError } from "../../src/workbook/port";

const ROW: ScenarioRow = {
  Scenario: "=TI up",
  Change: "scale-ti",
  Plan: null,
  Metric: null,
  To: null,
  Value: 1.05,
  Segment: null,
};

async function sampleBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  return book;
}

describe("appendScenarioRow", () => {
  it("appends the row to the Scenarios sheet through the port and says where it went", async () => {
    const book = await sampleBook();
    const rows = book.snapshot("Scenarios").values.length;
    await expect(appendScenarioRow(book, ROW)).resolves.toBe(`Scenarios!A${rows + 1}:G${rows + 1}`);
    const scenarios = book.snapshot("Scenarios");
    expect(scenarios.values[rows]).toEqual(["=TI up", "scale-ti", null, null, null, 1.05, null]);
    expect(scenarios.formulas[rows][0]).toBeNull();
    expect(scenarios.tables[0].range).toBe(`A1:G${rows + 1}`);
  });

  it("passes the port's rejection on: no Scenarios sheet is the port's invalid-name", async () => {
    const book = MemoryWorkbook.fromSheets([{ name: "Matrix", values: [["Plan"]] }]);
    await expect(appendScenarioRow(book, ROW)).rejects.toMatchObject({
      constructor: WorkbookError,
      kind: "invalid-name",
    });
  });
});
