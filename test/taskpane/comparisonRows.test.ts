import { FIGURE_ROWS } from "../../src/reports/scenarioSheets";
import { COMPARISON_ROWS } from "../../src/taskpane/scenarios/comparisonRows";

describe("the pane's scenario comparison labels", () => {
  it("name each figure as the Scenario Comparison sheet does", () => {
    const sheet = new Set(FIGURE_ROWS.map((r) => r.label));
    // Δ vs Baseline is the pane's own row (the sheet has it as a column of each figure).
    const pane = COMPARISON_ROWS.map((r) => r.label).filter((l) => l !== "Δ vs Baseline");
    expect(pane.filter((label) => !sheet.has(label))).toEqual([]);
    expect(pane).toEqual(
      expect.arrayContaining(["Payout % of target, median", "Payout % of target, 90th percentile"])
    );
  });
});
