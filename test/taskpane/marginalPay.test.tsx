/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import { screen, within } from "@testing-library/react";
import type { MarginalMetric } from "../../src/engine/marginalAlignment";
import { MarginalPay } from "../../src/taskpane/alignment/MarginalPay";
import { renderInPane } from "./paneTest";

const row = (plan: string, metric: string, weight: number): MarginalMetric => ({
  plan,
  metric,
  objective: metric,
  weight,
  sharePerPoint: weight * 0.01,
  medianTargetIncentive: 100,
  medianQuota: 100,
  dollarsPerPoint: weight,
  centsPerQuotaUnitAtTarget: 100 * weight,
  centsPerQuotaUnitBelow: 100 * weight,
  centsPerQuotaUnitAbove: 100 * weight,
  cell: "Matrix!E2",
});

describe("Marginal pay at 100%", () => {
  it("lists only the metrics a plan pays (weight > 0), and no table for a plan paying none", () => {
    renderInPane(
      <MarginalPay
        marginal={[
          row("AE", "Cloud", 1),
          row("AE", "Deals", 0),
          row("Tracked", "Deals", 0), // a plan whose every metric is tracked, not paid
        ]}
        misaligned={new Set()}
        errors={0}
      />,
      null
    );
    const tables = screen.getAllByRole("table");
    expect(tables).toHaveLength(1);
    const ae = tables[0];
    expect(ae).toHaveAccessibleName(/^AE/);
    expect(
      within(ae)
        .getAllByRole("rowheader")
        .map((h) => h.textContent)
    ).toEqual(["Cloud (most per point)"]);
  });
});
