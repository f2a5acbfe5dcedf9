/** @jest-environment jsdom */
/**
 * The Scenarios tab's Cost at risk section on an in-memory workbook: run with progress (blocks of
 * trials, yielding between them), the summary card per scenario (P50, P90, chance of exceeding the
 * budget, "Not set" without one) matching the engine, the tab written, Cancel leaving the workbook
 * as it was, and the refusal of a plan with errors; no axe violations.
 */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { expectNoAxeViolations } from "../helpers/axe";
import { memoryAccess } from "../helpers/memoryAccess";
import { runRiskAction, setupWorkbook } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetValue } from "../../src/workbook/port";
import { CostAtRisk, type CostAtRiskProps } from "../../src/taskpane/scenarios/CostAtRisk";
import { formatMoney } from "../../src/taskpane/scenarios/format";
import { chance, RISK_TAB } from "../../src/reports/riskSheet";

jest.setTimeout(120_000);

async function book(settings: SheetValue[][] = [["Trials", 300]]) {
  const b = new MemoryWorkbook();
  await setupWorkbook(b);
  await b.createSheet({
    name: "Risk Settings",
    blocks: [{ at: "A1", values: [["Setting", "Value"], ...settings] }],
  });
  return b;
}

function renderSection(props: CostAtRiskProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CostAtRisk {...props} />
    </FluentProvider>
  );
}

function card(name: string) {
  const list = screen.getByRole("list", { name: "Cost at risk per scenario" });
  const item = within(list).getByRole("listitem", { name });
  return (term: string) => {
    const dt = within(item).getByText(term);
    return dt.nextElementSibling?.textContent ?? "";
  };
}

test("runs with progress and shows P50, P90 and overspend per scenario, as the engine computes them; writes the tab", async () => {
  const b = await book([
    ["Trials", 300],
    ["Budget", 450000],
  ]);
  const expected = await runRiskAction(
    await book([
      ["Trials", 300],
      ["Budget", 450000],
    ]),
    { write: false }
  );
  const { access } = memoryAccess(b);
  let yields = 0;
  const { container } = renderSection({
    access,
    yieldControl: async () => {
      yields++;
      await new Promise((r) => setTimeout(r, 0));
    },
  });
  await userEvent.click(screen.getByRole("button", { name: "Run cost at risk" }));
  await screen.findByRole("list", { name: "Cost at risk per scenario" }, { timeout: 30000 });
  expect(yields).toBeGreaterThan(0);
  for (const s of expected.result.scenarios) {
    const figure = card(s.name);
    expect(figure("P50 total payout (typical year)")).toBe(formatMoney(s.totalPayout.p50));
    expect(figure("P90 total payout (9 years in 10 cost less)")).toBe(
      formatMoney(s.totalPayout.p90)
    );
    expect(figure("Chance of exceeding the budget")).toBe(chance(s.probabilityOverBudget!));
  }
  expect(screen.getByRole("progressbar", { name: "Cost at risk progress" })).toHaveAttribute(
    "aria-valuetext",
    expect.stringMatching(/^100%: Done/)
  );
  expect(await b.ownedSheets()).toEqual([RISK_TAB]);
  await expectNoAxeViolations(container);
});

test('without a budget the card says "Not set"', async () => {
  const { access } = memoryAccess(await book());
  renderSection({ access });
  await userEvent.click(screen.getByRole("button", { name: "Run cost at risk" }));
  await screen.findByRole("list", { name: "Cost at risk per scenario" }, { timeout: 30000 });
  expect(card("Baseline")("Chance of exceeding the budget")).toBe("Not set");
});

test("Cancel stops the run between blocks and leaves the workbook as it was", async () => {
  const b = await book([["Trials", 1000000]]);
  const before = await b.sheetNames();
  const { access } = memoryAccess(b);
  renderSection({ access, yieldControl: () => new Promise((r) => setTimeout(r, 5)) });
  await userEvent.click(screen.getByRole("button", { name: "Run cost at risk" }));
  const cancel = await screen.findByRole("button", { name: "Cancel" }, { timeout: 30000 });
  await waitFor(
    () =>
      expect(screen.getByRole("progressbar", { name: "Cost at risk progress" })).toHaveAttribute(
        "aria-valuetext",
        expect.stringMatching(/simulated years/)
      ),
    { timeout: 30000 }
  );
  await userEvent.click(cancel);
  await screen.findByText("Cost at risk cancelled", undefined, { timeout: 30000 });
  expect(await b.sheetNames()).toEqual(before);
  expect(screen.queryByRole("list", { name: "Cost at risk per scenario" })).toBeNull();
});

test("a plan with error findings is refused with what to do", async () => {
  const b = await book();
  const matrix = (await b.readSheets(["Matrix"]))[0]!;
  const weight = matrix.values[0].indexOf("Weight");
  const others = await b.readSheets(["Objectives", "Curves", "Reps"]);
  const broken = MemoryWorkbook.fromSheets([
    {
      name: "Matrix",
      values: matrix.values.map((r, i) =>
        i === 1 ? r.map((v, c) => (c === weight ? 0.5 : v)) : r
      ),
    },
    ...others.map((s) => ({ name: s!.name, values: s!.values })),
  ]);
  const { access } = memoryAccess(broken);
  renderSection({ access });
  await userEvent.click(screen.getByRole("button", { name: "Run cost at risk" }));
  expect(
    await screen.findByText("The plan has errors", undefined, { timeout: 30000 })
  ).toBeInTheDocument();
  expect(screen.getByText(/Fix them on the Alignment tab/)).toBeInTheDocument();
  expect(await broken.ownedSheets()).toEqual([]);
});
