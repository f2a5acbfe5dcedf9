/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../../setup/dom";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CHANGE_TYPES } from "../../../src/engine/scenarioChanges";
import { PULSE_CHECK_IDS } from "../../../src/engine/pulseChecks";
import type { Finding } from "../../../src/engine/plan";
import { FindingItem } from "../../../src/taskpane/alignment/FindingItem";
import { GoToCell } from "../../../src/taskpane/scenarios/GoToCell";
import {
  CHANGE_LABELS,
  LABELLED_IDS,
  PULSE_CHECK_LABELS,
  RULE_LABELS,
  cellText,
  ruleLabel,
  withLabels,
} from "../../../src/taskpane/shared/labels";

/** Every rule id the engine and the plan readers emit today (src/engine, src/model). */
const RULE_IDS = [
  "unknown-objective",
  "duplicate-metric",
  "weights-sum",
  "unknown-curve",
  "max-metrics",
  "objective-unfunded",
  "priority-pay-gap",
  "uncapped-curve",
  "cliff",
  "missing-sheet",
  "missing-column",
  "invalid-value",
  "duplicate-objective",
  "unknown-owner",
];

describe("human labels", () => {
  it("gives every rule id, change kind and pulse check a title and a one-line explanation", () => {
    for (const id of RULE_IDS) expect(RULE_LABELS[id]).toBeDefined();
    expect(Object.keys(CHANGE_LABELS).sort()).toEqual([...CHANGE_TYPES].sort());
    expect(Object.keys(PULSE_CHECK_LABELS).sort()).toEqual([...PULSE_CHECK_IDS].sort());
    const all = [
      ...Object.values(RULE_LABELS),
      ...Object.values(CHANGE_LABELS),
      ...Object.values(PULSE_CHECK_LABELS),
    ];
    for (const label of all) {
      expect(label.title).toMatch(/^[A-Z]/);
      expect(label.explain).toMatch(/^[A-Z].*\.$/);
      expect(label.explain).not.toContain("\n");
    }
    // Titles are not the ids.
    for (const id of LABELLED_IDS) expect(ruleLabel(id).title).not.toBe(id);
  });

  it("explains the pay-gap threshold in percentage points", () => {
    expect(RULE_LABELS["priority-pay-gap"].explain).toContain("more than 10 percentage points");
  });

  it("reads cell references without quoting syntax", () => {
    expect(cellText("'Shift 20% to multi-product deals'!A1")).toBe(
      "Shift 20% to multi-product deals, A1"
    );
    expect(cellText("'Rep''s view'!$B$4")).toBe("Rep's view, B4");
    expect(cellText("Matrix!E2")).toBe("Matrix, E2");
    expect(cellText("E2")).toBe("E2");
  });

  it("replaces hyphenated ids in engine text and leaves words alone", () => {
    expect(withLabels("Scenarios row 2 (shift-weight): Value 5 must be at most 1")).toBe(
      "Scenarios row 2 (Shift weight between metrics): Value 5 must be at most 1"
    );
    expect(withLabels("a cliff; pay-mix")).toBe(
      "a cliff; Pay mix (base ÷ (base + target incentive))"
    );
  });

  it("shows no id in a rendered finding or link, for every id", () => {
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        {RULE_IDS.map((rule, i) => {
          const finding: Finding = {
            severity: "warning",
            rule,
            plan: "Enterprise AE",
            metric: null,
            objective: null,
            message: "Something to fix.",
            cell: "'Shift 20% to multi-product deals'!A1",
          };
          return <FindingItem key={i} finding={finding} onSelect={() => {}} />;
        })}
        <GoToCell cell="'Scenario Comparison'!A1" onSelect={() => {}} />
      </FluentProvider>
    );
    const text = container.textContent ?? "";
    for (const id of LABELLED_IDS.filter((id) => id.includes("-"))) {
      expect(text).not.toContain(id);
    }
    expect(text).toContain("Weights do not add up to 100%");
    expect(text).toContain("Go to Shift 20% to multi-product deals, A1");
    expect(text).toContain("Go to Scenario Comparison, A1");
    expect(text).not.toContain("'!");
  });
});
