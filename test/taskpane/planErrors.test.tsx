/** @jest-environment jsdom */
/**
 * A plan with error findings in the pane: the Alignment tab says the index is not valid until the
 * errors are fixed (errors listed first), and the Scenarios tab lists the errors with buttons to
 * their cells and a button to the Alignment tab instead of running anything.
 */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { memoryAccess } from "../helpers/memoryAccess";
import { setupWorkbook } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { App } from "../../src/taskpane/App";

jest.setTimeout(120_000);

/** The starter plan with Account Executive's weights summing to 85%. */
async function brokenBook() {
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  book.setCell("Matrix!E2", 0.25);
  return book;
}

test("Alignment tab: the index is not valid until the errors are fixed, and the errors come first", async () => {
  const user = userEvent.setup();
  const book = await brokenBook();
  render(<App workbook={memoryAccess(book).access} />);
  await user.click(screen.getByRole("button", { name: "Check alignment" }));
  expect(
    await screen.findByText(/^Not valid until the errors are fixed: the plan has 1 error/)
  ).toBeInTheDocument();
  expect(screen.queryByRole("meter", { name: "Design alignment index" })).toBeNull();
  const errors = screen.getByRole("region", { name: "Errors (1)" });
  expect(within(errors).getByRole("button", { name: /weights sum to 85%/ })).toBeInTheDocument();
});

test("Scenarios tab: the errors block the run, each with its cell, and a button opens the Alignment tab", async () => {
  const user = userEvent.setup();
  const book = await brokenBook();
  const select = jest.spyOn(book, "select");
  const { container } = render(<App workbook={memoryAccess(book).access} />);
  await user.click(screen.getByRole("tab", { name: "Scenarios" }));
  const title = await screen.findByText(
    "The plan has 1 error: no results until it is fixed",
    {},
    { timeout: 20_000 }
  );
  const bar = title.closest("[role=group], .fui-MessageBar") as HTMLElement;
  const list = within(bar).getByRole("list", { name: /The plan has 1 error/ });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual([expect.stringContaining("Account Executive: weights sum to 85%, not 100%.")]);
  await user.click(
    within(list).getByRole("button", { name: "Go to Matrix, E2 (Weights do not add up to 100%)" })
  );
  expect(select).toHaveBeenCalledWith("Matrix!E2");
  // The sheets are there: no "starting from an empty workbook?" under the errors.
  const panel = screen.getByRole("tabpanel", { name: "Scenarios" });
  expect(within(panel).queryByText(/Starting from an empty workbook\?/)).toBeNull();
  // Nothing ran: no results, no tabs written.
  expect(screen.queryByRole("heading", { name: "Results" })).toBeNull();
  expect(await book.ownedSheets()).toEqual([]);
  await expectNoAxeViolations(container);
  await user.click(within(bar).getByRole("button", { name: "Open the Alignment tab" }));
  expect(screen.getByRole("tab", { name: "Alignment" })).toHaveAttribute("aria-selected", "true");
});

test("the pane's scenario summary states the actuals assumption", async () => {
  const { ScenarioSummary } = await import("../../src/taskpane/scenarios/ScenarioSummary");
  const { ACTUALS_ASSUMPTION } = await import("../../src/engine/scenarioRunner");
  const { runScenarioAction } = await import("../../src/actions");
  const book = new MemoryWorkbook();
  await setupWorkbook(book);
  const { run } = await runScenarioAction(book);
  render(<ScenarioSummary scenarios={run.scenarios} />);
  const summary = screen.getByRole("region", { name: "Scenario summary" });
  expect(within(summary).getByText(ACTUALS_ASSUMPTION)).toBeVisible();
});

test("Alignment tab: marginal pay per plan, the metric paying most per point, and the misaligned plan marked", async () => {
  const { sixSheets } = await import("../scenarios/sixReps");
  const user = userEvent.setup();
  const book = MemoryWorkbook.fromSheets(sixSheets());
  render(<App workbook={memoryAccess(book).access} />);
  await user.click(screen.getByRole("button", { name: "Check alignment" }));
  const section = await screen.findByRole("region", { name: "Marginal pay at 100%" });
  const ae = within(section).getByRole("table", { name: /^AE/ });
  expect(ae).toHaveAccessibleName("AE pays most for a lower priority");
  const core = within(ae).getByRole("row", { name: /^Core \(most per point\)/ });
  expect(
    within(core)
      .getAllByRole("cell")
      .map((c) => c.textContent)
  ).toEqual(["$1", "$0.500", "$1.000"]);
  expect(within(section).getByRole("table", { name: "SE" })).toBeInTheDocument();
});

test("Communicate tab: plan pages wait for the errors to be fixed, and say which cells", async () => {
  const user = userEvent.setup();
  const book = await brokenBook();
  render(<App workbook={memoryAccess(book).access} />);
  await user.click(screen.getByRole("tab", { name: "Communicate" }));
  const panel = screen.getByRole("tabpanel", { name: "Communicate" });
  const read = await within(panel).findByRole(
    "button",
    { name: "Read plans" },
    { timeout: 20_000 }
  );
  await user.click(read);
  const bar = await within(panel).findByText(
    "The plan has 1 error: no plan pages until it is fixed",
    {},
    { timeout: 20_000 }
  );
  expect(bar.closest(".fui-MessageBar")).toHaveTextContent(
    "Account Executive: weights sum to 85%, not 100%. (Matrix!E2)"
  );
  expect(await book.ownedSheets()).toEqual([]);
});
