/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { memoryAccess } from "../helpers/memoryAccess";
import { runScenarioAction } from "../../src/actions/runScenarios";
import { SAMPLE_SCENARIOS, sampleSheets } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError } from "../../src/workbook/port";
import { ScenariosTab, type ScenariosTabProps } from "../../src/taskpane/ScenariosTab";
import { formatDelta, formatMoney } from "../../src/taskpane/scenarios/format";
import { type WorkbookAccess } from "../../src/taskpane/workbookAccess";
import { MY_OBJECTIVES, renderInPane } from "./paneTest";

jest.setTimeout(120_000);

const renderTab = (access: WorkbookAccess | null, props: ScenariosTabProps = {}) =>
  renderInPane(<ScenariosTab {...props} />, access);

const SAMPLE_SHEETS = sampleSheets().map((s) => s.name);

/** A workbook holding the sample's input sheets, as Insert sample data leaves an empty one. */
async function sampleBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  return book;
}

const button = (name: string | RegExp) => screen.getByRole("button", { name });
const tab = () => screen.getByRole("region", { name: "Plan scenarios" });
const checkbox = (name: string) => screen.getByRole("checkbox", { name });
const progress = () => screen.getByRole("progressbar", { name: "Run progress" });
const resultsHeading = () => screen.findByRole("heading", { name: "Results" }, { timeout: 10000 });

/** The cells of one figure's row of the comparison table, in column order. */
function figureRow(figure: string): string[] {
  const table = screen.getByRole("table", { name: "Scenario comparison" });
  const row = within(table).getByRole("row", {
    name: new RegExp(`^${figure.replace(/[()]/g, "\\$&")}`),
  });
  return within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

function columnNames(): string[] {
  const table = screen.getByRole("table", { name: "Scenario comparison" });
  return within(table)
    .getAllByRole("columnheader")
    .map((c) => c.textContent ?? "")
    .slice(1);
}

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement, max = 40) {
  for (let i = 0; i < max && document.activeElement !== target; i++) await user.tab();
  expect(target).toHaveFocus();
}

/** Picks an option of a Fluent drop-down. */
async function pick(user: ReturnType<typeof userEvent.setup>, field: string, option: string) {
  await user.click(screen.getByRole("combobox", { name: field }));
  await user.click(await screen.findByRole("option", { name: option }));
}

describe("Scenarios tab", () => {
  it("in an empty workbook, says there is no Matrix; Set up workbook is the one primary action (no axe violations)", async () => {
    const { container } = renderTab(memoryAccess(new MemoryWorkbook()).access);

    const bar = await screen.findByRole("group", { name: "No Matrix sheet" });
    expect(bar).toHaveTextContent("Insert sample data");
    expect(bar).toHaveTextContent("Set up workbook for a starter plan");
    // Not a blank pane: the actions and what they do are there; Run waits for a plan.
    expect(button("Insert sample data")).toBeInTheDocument();
    expect(button("Run scenarios")).toHaveAttribute("aria-disabled", "true");
    // One primary action for the state: Set up workbook, as on the Alignment tab.
    const primary = Array.from(container.querySelectorAll('[data-primary="true"]'));
    expect(primary.map((b) => b.textContent)).toEqual(["Set up workbook"]);
    expect(button("Run scenarios")).not.toHaveAttribute("data-primary");
    expect(tab()).toHaveTextContent("Set up workbook adds them with a starter plan");
    expect(tab()).toHaveTextContent("Insert sample data adds a finished example instead");
    await expectNoAxeViolations(container);
  });

  it("Set up workbook here is the Alignment tab's action: the starter sheets, then the list", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "No Matrix sheet" });

    await user.click(button("Set up workbook"));

    const bar = await screen.findByRole("group", { name: "Workbook set up" });
    const starter = ["Objectives", "Matrix", "Curves", "Reps", "Scenarios"];
    expect(await book.sheetNames()).toEqual(starter);
    expect(bar).toHaveTextContent(
      "Added Objectives, Matrix, Curves, Reps and Scenarios with a starter plan."
    );
    expect(bar).toHaveTextContent("select Run scenarios");
    expect(screen.queryByRole("group", { name: "No Matrix sheet" })).toBeNull();
    await screen.findByRole("group", { name: "Scenarios to run" });
    // With a plan listed, Run scenarios is the primary action again.
    expect(button("Run scenarios")).toHaveAttribute("data-primary", "true");
    expect(button("Set up workbook")).not.toHaveAttribute("data-primary");
  });

  it("Insert sample data adds the six input sheets and lists the sample's scenarios", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    const { container } = renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "No Matrix sheet" });

    await user.click(button("Insert sample data"));

    const bar = await screen.findByRole("group", { name: "Sample data inserted" });
    expect(SAMPLE_SHEETS).toHaveLength(6);
    expect(await book.sheetNames()).toEqual(SAMPLE_SHEETS);
    for (const name of SAMPLE_SHEETS) expect(book.snapshot(name).owned).toBe(false);
    expect(bar).toHaveTextContent(
      `Added ${SAMPLE_SHEETS.slice(0, -1).join(", ")} and ${SAMPLE_SHEETS[SAMPLE_SHEETS.length - 1]}`
    );
    // The earlier warning is gone, and the list is read from the new sheets.
    expect(screen.queryByRole("group", { name: "No Matrix sheet" })).toBeNull();

    const list = await screen.findByRole("group", { name: "Scenarios to run" });
    expect(within(list).getAllByRole("checkbox")).toEqual(
      SAMPLE_SCENARIOS.map((name) => checkbox(name))
    );
    for (const name of SAMPLE_SCENARIOS) expect(checkbox(name)).toBeChecked();
    expect(list).toHaveAccessibleDescription(
      /Baseline, the plan as it is today, always runs first/
    );
    expect(screen.getByRole("heading", { name: "Data issues (0)" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /^Cannot run/ })).toBeNull();
    await expectNoAxeViolations(container);

    // A second time there is nothing to add, and nothing is overwritten.
    await user.click(button("Insert sample data"));
    expect(await screen.findByRole("group", { name: "Nothing to add" })).toHaveTextContent(
      "The workbook already has Objectives, Matrix, Curves, Reps, Scenarios and Pulse Settings"
    );
  });

  it("Insert sample data keeps a sheet the workbook already has, and says so", async () => {
    const user = userEvent.setup();
    const mine = MY_OBJECTIVES;
    const book = MemoryWorkbook.fromSheets([{ name: "objectives", values: mine }]);
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "No Matrix sheet" });

    await user.click(button("Insert sample data"));

    const bar = await screen.findByRole("group", { name: "Sample data inserted" });
    expect(bar).toHaveTextContent("Added Matrix, Curves, Reps, Scenarios and Pulse Settings");
    expect(bar).toHaveTextContent("Kept Objectives as it was");
    expect(book.snapshot("objectives").values).toEqual(mine);
  });

  it("runs every scenario: progress reaches 100%, the figures are the engine's, the tabs are CompAlign's", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const before = await book.sheetNames();
    const expected = await runScenarioAction(await sampleBook());
    const { container } = renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "Scenarios to run" });

    await user.click(button("Run scenarios"));

    const heading = await resultsHeading();
    expect(progress()).toHaveAttribute("aria-valuenow", "1");
    expect(progress()).toHaveAttribute("aria-valuemax", "1");
    expect(heading).toHaveFocus();

    const scenarios = expected.run.scenarios;
    const [baseline, ...others] = scenarios;
    expect(baseline.name).toBe("Baseline");
    // The summary: each scenario's Δ total payout vs Baseline.
    const summary = screen.getByRole("region", { name: "Scenario summary" });
    for (const s of others) {
      expect(summary).toHaveTextContent(`${s.name}${formatDelta(s.figures.deltaVsBaseline)}`);
    }
    // One scenario at a time against Baseline, picked in the drop-down.
    const picker = screen.getByRole("combobox", { name: "Compare with Baseline" });
    for (const s of others) {
      await user.selectOptions(picker, s.name);
      expect(columnNames()).toEqual(["Baseline", s.name]);
      expect(figureRow("Total payout")).toEqual(
        [baseline, s].map((x) => formatMoney(x.figures.totalPayout))
      );
      expect(figureRow("Δ vs Baseline")).toEqual(
        [baseline, s].map((x) => formatDelta(x.figures.deltaVsBaseline))
      );
    }
    expect(button("Open Scenario Comparison")).toBeInTheDocument();

    // Every tab the run reports is in the workbook, owned by CompAlign; the inputs are untouched.
    const written = expected.sheets.map((s) => s.name);
    expect(await book.sheetNames()).toEqual([...before, ...written]);
    for (const name of written) expect(book.snapshot(name).owned).toBe(true);
    const tabs = screen.getByRole("list", { name: `Tabs written (${written.length})` });
    expect(within(tabs).getAllByRole("button")).toEqual(
      written.map((name) =>
        within(tabs).getByRole("button", { name: `Go to ${name}, A1 (${name})` })
      )
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      `Done: ${scenarios.length} scenarios computed, ${written.length} tabs written.`
    );
    await expectNoAxeViolations(container);

    // A tab's button shows it.
    await user.click(
      within(tabs).getByRole("button", {
        name: "Go to Scenario Comparison, A1 (Scenario Comparison)",
      })
    );
    expect(book.selection).toEqual({ sheet: "Scenario Comparison", range: "A1" });
  });

  it("runs only the scenario picked: Baseline, it and Scenario Comparison are written", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const before = await book.sheetNames();
    const [keep, ...drop] = SAMPLE_SCENARIOS;
    const expected = await runScenarioAction(await sampleBook(), { only: [keep] });
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "Scenarios to run" });

    for (const name of drop) await user.click(checkbox(name));
    expect(tab()).toHaveTextContent("Runs Baseline and 1 scenario.");
    await user.click(button("Run scenarios"));
    await resultsHeading();

    const added = (await book.sheetNames()).slice(before.length);
    expect(added).toEqual(expected.sheets.map((s) => s.name));
    expect(added).toHaveLength(3);
    expect(added[0]).toBe("Baseline");
    expect(added[2]).toBe("Scenario Comparison");
    expect(columnNames()).toEqual(["Baseline", keep]);
    expect(figureRow("Total payout")).toEqual(
      expected.run.scenarios.map((s) => formatMoney(s.figures.totalPayout))
    );
  });

  it("Cancel during a run leaves the workbook as it was and says so (no axe violations while running)", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const before = await book.sheetNames();
    let release: () => void = () => undefined;
    let pauses = 0;
    // The run stops at its first yield until the test lets it go on.
    const yieldControl = () => {
      pauses++;
      return pauses === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    };
    const { container } = renderTab(memoryAccess(book).access, { yieldControl });
    await screen.findByRole("group", { name: "Scenarios to run" });

    await user.click(button("Run scenarios"));

    await waitFor(() =>
      expect(Number(progress().getAttribute("aria-valuenow"))).toBeGreaterThan(0)
    );
    expect(progress()).toHaveAccessibleDescription("Computed Baseline");
    expect(button("Run scenarios")).toHaveAttribute("aria-disabled", "true");
    await expectNoAxeViolations(container);

    await user.click(button("Cancel"));
    await act(async () => release());

    const bar = await screen.findByRole("group", { name: "Run cancelled" });
    expect(bar).toHaveTextContent("Cancelled: the workbook was left as it was.");
    expect(await book.sheetNames()).toEqual(before);
    expect(screen.queryByRole("heading", { name: "Results" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    await waitFor(() => expect(button("Run scenarios")).toHaveFocus());
  });

  it("once the run writes tabs, Cancel is no longer offered (a replaced tab could not be put back)", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    let release: () => void = () => undefined;
    let pauses = 0;
    const computeSteps = SAMPLE_SCENARIOS.length + 1;
    // Stops after the last scenario is computed, just before the first tab is written.
    const yieldControl = () => {
      pauses++;
      return pauses === computeSteps
        ? new Promise<void>((resolve) => (release = resolve))
        : Promise.resolve();
    };
    renderTab(memoryAccess(book).access, { yieldControl });
    await screen.findByRole("group", { name: "Scenarios to run" });

    await user.click(button("Run scenarios"));
    await waitFor(() =>
      expect(progress()).toHaveAccessibleDescription(
        `Computed ${SAMPLE_SCENARIOS[SAMPLE_SCENARIOS.length - 1]}`
      )
    );
    expect(button("Cancel")).toHaveAttribute("aria-disabled", "true");
    expect(tab()).toHaveTextContent("a run can be cancelled until it starts writing");

    await act(async () => release());
    expect(await resultsHeading()).toHaveFocus();
  });

  it("running again refreshes CompAlign's own tabs in place and adds none", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "Scenarios to run" });
    await user.click(button("Run scenarios"));
    await resultsHeading();
    const after = await book.sheetNames();

    await user.click(button("Run scenarios"));
    await waitFor(() => {
      const tabs = screen.getByRole("list", {
        name: `Tabs written (${SAMPLE_SCENARIOS.length + 2})`,
      });
      for (const item of within(tabs).getAllByRole("listitem"))
        expect(item).toHaveTextContent("(refreshed)");
    });
    expect(await book.sheetNames()).toEqual(after);
  });

  it("a run that fails says what happened and what to do, and focus goes back to Run", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const { access: direct } = memoryAccess(book);
    let runs = 0;
    const access: WorkbookAccess = {
      run: (action) =>
        ++runs === 1
          ? direct.run(action)
          : Promise.reject(
              new WorkbookError("unreadable", "Reps could not be read: the workbook is busy")
            ),
    };
    const { container } = renderTab(access);
    await screen.findByRole("group", { name: "Scenarios to run" });

    await user.click(button("Run scenarios"));

    const bar = await screen.findByRole("group", { name: "Could not run the scenarios" });
    expect(bar).toHaveTextContent("Reps could not be read: the workbook is busy");
    expect(bar).toHaveTextContent("Finish editing the cell you are in");
    await waitFor(() => expect(button("Run scenarios")).toHaveFocus());
    expect(screen.queryByRole("progressbar", { name: "Run progress" })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("without a Reps sheet, says so with the next step (no axe violations)", async () => {
    const matrix = [
      ["Plan", "Metric", "Objective", "Weight", "Curve"],
      ["Account Executive", "Cloud ARR", "Grow cloud", 1, "Standard"],
    ];
    const { container } = renderTab(
      memoryAccess(MemoryWorkbook.fromSheets([{ name: "Matrix", values: matrix }])).access
    );

    const bar = await screen.findByRole("group", { name: "No Reps sheet" });
    expect(bar).toHaveTextContent("computed rep by rep");
    expect(bar).toHaveTextContent("Insert sample data");
    expect(bar).toHaveTextContent("Set up workbook");
    expect(screen.queryByRole("group", { name: "Scenarios to run" })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("a Reps sheet of 0 rows: says there are no reps and how to add them; Run says so too, not 'try again'", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const reps = book.snapshot("Reps").values;
    for (let r = 2; r <= reps.length; r++)
      for (let c = 0; c < reps[0].length; c++)
        book.setCell(`Reps!${String.fromCharCode(65 + c)}${r}`, null);
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "Scenarios to run" }, { timeout: 10000 });
    const issues = screen.getByRole("heading", { name: "Data issues (0)" }).parentElement!;
    expect(issues).toHaveTextContent("The Reps sheet has no reps yet");
    expect(issues).not.toHaveTextContent("every one of the 0 reps is computed");

    await user.click(button("Run scenarios"));
    const bar = await screen.findByRole("group", { name: "Could not run the scenarios" });
    expect(bar).toHaveTextContent("the Reps sheet has no rows below its header");
    expect(bar).toHaveTextContent(/Add your reps to the Reps sheet/);
    expect(bar).not.toHaveTextContent(/Try again|reopen/);
    expect(await book.ownedSheets()).toEqual([]);
  });

  it("lists scenarios that cannot run with their reason, and data issues (first 5 and how many more)", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    // Scenarios row 2 moves 500% of target incentive; seven reps have no target incentive.
    book.setCell("Scenarios!F2", 5);
    for (let row = 2; row <= 8; row++) book.setCell(`Reps!E${row}`, "n/a");
    renderTab(memoryAccess(book).access);

    const invalid = await screen.findByRole("list", { name: "Cannot run (1)" });
    expect(invalid).toHaveTextContent(
      `${SAMPLE_SCENARIOS[0]}: Scenarios row 2 (Shift weight between metrics): Value 5 must be at most 1`
    );
    expect(screen.queryByRole("checkbox", { name: SAMPLE_SCENARIOS[0] })).toBeNull();
    expect(screen.getAllByRole("checkbox")).toHaveLength(SAMPLE_SCENARIOS.length - 1);

    const issues = screen.getByRole("list", { name: "Data issues (7)" });
    expect(within(issues).getAllByRole("listitem")).toHaveLength(5);
    expect(within(issues).getAllByRole("listitem")[0]).toHaveTextContent(
      '(row 2): Target Incentive is text "n/a"'
    );
    expect(tab()).toHaveTextContent("and 2 more.");

    await user.click(
      within(invalid).getByRole("button", { name: `Go to Scenarios, A2 (${SAMPLE_SCENARIOS[0]})` })
    );
    expect(book.selection).toEqual({ sheet: "Scenarios", range: "A2" });

    // A data issue's Go to selects the cell at fault (the issue's `cell`), not the row's name.
    const third = within(issues).getAllByRole("listitem")[2];
    expect(third).toHaveTextContent('(row 4): Target Incentive is text "n/a"');
    expect(third).not.toHaveTextContent("Reps!E4");
    await user.click(within(third).getByRole("button", { name: /^Go to Reps, E4 \(/ }));
    expect(book.selection).toEqual({ sheet: "Reps", range: "E4" });
  });

  it("the add-a-change form checks the row like the sheet does, then hands it to onAddRow", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const onAddRow = jest.fn(async () => "Scenarios!A8:G8");
    const { container } = renderTab(memoryAccess(book).access, { onAddRow });
    await screen.findByRole("group", { name: "Scenarios to run" });

    await user.click(button("Add a change to the Scenarios sheet"));
    const form = screen.getByRole("form", { name: "New Scenarios row" });
    // A section of the tab as the others are (h3 under the tab's h2), not a part of Data issues.
    expect(within(form).getByRole("heading", { name: "New Scenarios row" }).tagName).toBe("H3");
    await user.type(within(form).getByRole("combobox", { name: "Scenario name" }), "Cloud push");
    await pick(user, "Change", "Shift weight between metrics");
    await pick(user, "Plan", "Enterprise AE");
    await pick(user, "Metric", "Core Bookings");
    await pick(user, "To", "Multi-product Deals");
    await expectNoAxeViolations(container);

    // Value left blank: shift-weight needs one.
    await user.click(within(form).getByRole("button", { name: "Add to Scenarios sheet" }));
    const value = within(form).getByRole("textbox", { name: "Value" });
    expect(value).toHaveAccessibleDescription(
      /Value is required for “Shift weight between metrics”/
    );
    expect(value).toHaveAttribute("aria-invalid", "true");
    expect(value).toHaveFocus();
    expect(onAddRow).not.toHaveBeenCalled();

    // Out of range, then right.
    await user.type(value, "150%");
    await user.click(within(form).getByRole("button", { name: "Add to Scenarios sheet" }));
    expect(value).toHaveAccessibleDescription(/between 0% and 100%/);
    expect(onAddRow).not.toHaveBeenCalled();
    await user.clear(value);
    await user.type(value, "10%");
    await user.click(within(form).getByRole("button", { name: "Add to Scenarios sheet" }));

    await waitFor(() => expect(onAddRow).toHaveBeenCalledTimes(1));
    expect(onAddRow).toHaveBeenCalledWith({
      Scenario: "Cloud push",
      Change: "shift-weight",
      Plan: "Enterprise AE",
      Metric: "Core Bookings",
      To: "Multi-product Deals",
      Value: 0.1,
      Segment: null,
    });
    expect(await within(form).findByRole("group", { name: "Row added" })).toHaveTextContent(
      "Added “Shift weight between metrics” to “Cloud push” at Scenarios, A8:G8."
    );
  });

  it("the form is not offered where rows cannot be added", async () => {
    renderTab(memoryAccess(await sampleBook()).access);
    await screen.findByRole("group", { name: "Scenarios to run" });
    expect(
      screen.queryByRole("button", { name: "Add a change to the Scenarios sheet" })
    ).toBeNull();
  });

  it("keyboard only: pick a scenario with Tab and Space, run it with Enter", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const before = await book.sheetNames();
    const [keep, ...drop] = SAMPLE_SCENARIOS;
    renderTab(memoryAccess(book).access);
    await screen.findByRole("group", { name: "Scenarios to run" });

    for (const name of drop) {
      await tabTo(user, checkbox(name));
      await user.keyboard(" ");
      expect(checkbox(name)).not.toBeChecked();
    }
    expect(checkbox(keep)).toBeChecked();
    await tabTo(user, button("Run scenarios"));
    await user.keyboard("{Enter}");

    expect(await resultsHeading()).toHaveFocus();
    expect(columnNames()).toEqual(["Baseline", keep]);
    expect((await book.sheetNames()).slice(before.length)).toHaveLength(3);
  });
});
