/**
 * Problems reading the Scenarios sheet are structured: a message and, separately, the cell to go
 * to. The cell comes from where the row was read, never from the message's text.
 */
import "../taskpane/structuredClone";
import { loadScenarioRun } from "../../src/actions/runScenarios";
import { runScenarios } from "../../src/engine/scenarioRunner";
import { readPlan } from "../../src/model/readPlan";
import { readReps } from "../../src/model/readReps";
import { readScenarios } from "../../src/model/readScenarios";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { listingOf } from "../../src/taskpane/scenarios/listing";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";

/** The sample workbook with its Scenarios sheet replaced by these values (header included). */
async function bookWithScenarios(values: SheetValue[][]): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) {
    if (spec.name === "Scenarios")
      await book.createSheet({ name: "Scenarios", blocks: [{ at: "A1", values }] });
    else await book.createSheet(spec);
  }
  return book;
}

describe("Scenarios sheet problems are {message, cell}", () => {
  it("a blank Scenario and a missing column name their cells", () => {
    const read = readScenarios({
      name: "Scenarios",
      values: [
        ["Change", "Scenario", "Value"],
        ["scale-ti", "Up", 1.1],
        ["scale-ti", null, 1.2],
      ],
    });
    expect(read.problems).toEqual([
      { message: "Scenarios row 3: Scenario is blank; the row is left out", cell: "Scenarios!B3" },
    ]);
    expect(read.scenarios[0].changes[0].cell).toBe("Scenarios!B2");
    expect(
      readScenarios({
        name: "Scenarios",
        values: [
          ["Scenario", "Value"],
          ["Up", 1],
        ],
      }).problems
    ).toEqual([{ message: 'Scenarios has no "Change" column in row 1', cell: "Scenarios!A1" }]);
  });

  it("an invalid scenario points at its row's Scenario cell, wherever that column is", async () => {
    // Scenario is column C here: the cell is C3, not A3 as a row number alone would suggest.
    const book = await bookWithScenarios([
      ["Change", "Value", "Scenario", "Plan", "Metric", "To", "Segment"],
      ["scale-ti", 1.1, "Fine", null, null, null, null],
      ["scale-ti", 5, "Nowhere segment", null, null, null, "Nowhere"],
      ["scale-quota", 0, "Zero quota", null, null, null, null],
      ["scale-ti", 1.2, "Baseline", null, null, null, null],
      ["scale-ti", 1, null, null, null, null, null],
    ]);
    const prepared = await loadScenarioRun(book);
    expect(prepared.invalidScenarios.map(({ name, cell }) => [name, cell])).toEqual([
      ["Nowhere segment", "Scenarios!C3"],
      ["Zero quota", "Scenarios!C4"],
      ["Baseline", "Scenarios!C5"],
      ["Scenarios", "Scenarios!C6"],
    ]);
    expect(prepared.invalidScenarios[1].reason).toBe(
      "Scenarios row 4 (scale-quota): Value 0 must be greater than 0"
    );
    // The pane lists the same cells: it reads `cell`, it does not parse the reason.
    expect(listingOf(prepared).invalid.map((s) => s.cell)).toEqual([
      "Scenarios!C3",
      "Scenarios!C4",
      "Scenarios!C5",
      "Scenarios!C6",
    ]);
  });

  it("a scenario whose payouts overflow points at its first row", () => {
    const sheets = Object.fromEntries(
      sampleSheets().map((s) => [s.name, { name: s.name, values: s.blocks![0].values }])
    );
    const { design } = readPlan({
      objectives: sheets.Objectives,
      matrix: sheets.Matrix,
      curves: sheets.Curves,
      reps: sheets.Reps,
    });
    const metrics = [...new Set(design.components.map((c) => c.metric))];
    const reps = readReps(sheets.Reps, metrics);
    const { scenarios } = readScenarios({
      name: "Scenarios",
      values: [
        ["Scenario", "Change", "Value"],
        ["Fine", "scale-ti", 2],
        ["Huge", "scale-ti", 1e300],
      ],
    });
    const run = runScenarios(design, reps, scenarios);
    expect(run.invalidScenarios).toEqual([
      { name: "Huge", reason: expect.stringMatching(/too large/), cell: "Scenarios!A3" },
    ]);
  });
});
