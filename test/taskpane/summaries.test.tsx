/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import { render, screen, within } from "@testing-library/react";
import { CommunicateSummary } from "../../src/taskpane/communicate/CommunicateSummary";

const plan = (name: string, problems: string[] = [], warning: string | null = null) => ({
  plan: name,
  problems,
  complexity: {
    metrics: 2,
    maxCurvePoints: 3,
    modifiers: 0,
    modifiersNote: "",
    warning,
  },
});

describe("Communicate summary", () => {
  it("says which plans are ready to share and which need work", () => {
    render(
      <CommunicateSummary
        plans={[
          plan("AE"),
          plan("SDR", ["Weights sum to 90%."]),
          plan("Busy", [], "Five metrics."),
          plan("Pair"),
        ]}
      />
    );
    const card = screen.getByRole("region", { name: "Communicate summary" });
    expect(within(card).getByRole("heading")).toHaveTextContent("2 of 4 plans ready to share");
    expect(card).toHaveTextContent("Ready: AE and Pair.");
    expect(card).toHaveTextContent("Needs work first: SDR and Busy");
  });
});
