/** @jest-environment jsdom */
/**
 * The Pulse tab with Testing Library, by role: run the pulse check on an in-memory workbook
 * (the tiny world of test/pulse/fixture.ts), the statuses with their numbers as words and
 * badges, the tab written and showing it, Pulse Settings problems, errors with next steps, the
 * busy state, and no axe violations.
 */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port";
import { PulseTab } from "../../src/taskpane/PulseTab";
import { localToday } from "../../src/taskpane/pulse/today";
import { describePulseError } from "../../src/taskpane/pulse/describePulseError";
import { ActionError } from "../../src/actions";
import { type WorkbookAccess } from "../../src/taskpane/workbookAccess";
import { tinySheets } from "../pulse/fixture";
import { renderInPane } from "./paneTest";

jest.setTimeout(120_000);

function memoryAccess(
  book: MemoryWorkbook,
  wrap?: (run: () => Promise<unknown>) => Promise<unknown>
) {
  const calls = { runs: 0 };
  const access: WorkbookAccess = {
    run: <T,>(action: (book: WorkbookPort) => Promise<T>) => {
      calls.runs++;
      return (wrap ? wrap(() => action(book)) : action(book)) as Promise<T>;
    },
  };
  return { access, calls };
}

const renderTab = (access: WorkbookAccess | null) =>
  renderInPane(<PulseTab today={() => "2026-04-02"} />, access);

/** Generous waits: the workspace is a lazily loaded chunk, and CI machines can be slow. */
const WAIT = { timeout: 10000 };
const runButton = () => screen.findByRole("button", { name: "Run pulse check" }, WAIT);
const checksList = () => screen.findByRole("list", { name: "Pulse checks, Q1 2026" }, WAIT);

/** Each check's heading, status word and value as shown. */
function shownChecks(list: HTMLElement) {
  return within(list)
    .getAllByRole("listitem")
    .map((item) => [
      within(item).getByRole("heading", { level: 3 }).textContent,
      item.querySelector(".fui-Badge")?.textContent,
    ]);
}

describe("Pulse tab", () => {
  it("before a run: heading, the action, what it does, and no axe violations", async () => {
    const { access, calls } = memoryAccess(MemoryWorkbook.fromSheets(tinySheets()));
    const { container } = renderTab(access);
    expect(screen.getByRole("heading", { level: 2, name: "Pulse check" })).toBeInTheDocument();
    const group = await screen.findByRole("group", { name: "Pulse actions" }, WAIT);
    expect(within(group).getByRole("button", { name: "Run pulse check" })).toBeEnabled();
    expect(screen.getByText(/Run pulse check computes the plan as designed/)).toBeInTheDocument();
    expect(calls.runs).toBe(0);
    await expectNoAxeViolations(container);
  });

  it("runs the pulse check: every status as a word with its number and band, and the tab written", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.fromSheets(tinySheets());
    renderTab(memoryAccess(book).access);
    await user.click(await runButton());

    const list = await checksList();
    // Worst first: Act, then Watch, then Not set, then OK (stable order within each).
    expect(shownChecks(list)).toEqual([
      ["Payout % of target, 90th percentile", "Act"],
      ["Earnings concentration (Gini)", "Act"],
      ["Reps paid above 0 on a metric (threshold, worst metric)", "Act"],
      ["Reps at ≥ 100% weighted attainment", "Watch"],
      ["Incentive cost of sales vs plan", "Watch"],
      ["Reps at the excellence rate below the cap (worst metric)", "Watch"],
      ["Reps held at a cap (worst metric)", "Watch"],
      ["Top-priority objective's payout share ÷ its priority share", "Watch"],
      ["Pay for outcomes (payout % of target vs Gross Margin %, rank correlation)", "Not set"],
      ["Pay mix (base ÷ (base + target incentive))", "Not set"],
      ["Payout follows attainment (rank correlation; true by design)", "OK"],
      ["Payout % of target, 10th percentile", "OK"],
      ["Payout to target vs plan", "OK"],
      ["Realized vs design alignment index", "OK"],
    ]);
    const summary = screen.getByRole("region", { name: "Pulse summary" });
    expect(within(summary).getByRole("heading", { name: "3 Act · 5 Watch · 4 OK" })).toBeTruthy();
    expect(summary).toHaveTextContent(
      "First to look at: Payout % of target, 90th percentile (Act)."
    );
    const threshold = within(list).getAllByRole("listitem")[2];
    expect(threshold).toHaveTextContent("50.0% · healthy band ≥ 90% of a plan's reps");
    expect(threshold).toHaveTextContent(
      "SDR / Meetings: 50% of reps reach the threshold (paid from 50% attainment)"
    );
    const quota = within(list).getAllByRole("listitem")[3];
    expect(quota).toHaveTextContent("50.0% · healthy band 55%–70%");
    expect(quota).toHaveTextContent(/^.*SDR: Fewer reps than healthy are at quota/);

    // The checks by plan: plans as columns, checks as rows, worst first, status as a word.
    const table = screen.getByRole("table", { name: "Checks by plan, Q1 2026" });
    const rows = within(table).getAllByRole("row");
    expect(
      within(rows[0])
        .getAllByRole("columnheader")
        .map((h) => h.textContent)
    ).toEqual(["Check", "Company (10 reps)", "AE (8 reps)", "SDR (2 reps)"]);
    expect(within(rows[1]).getByRole("rowheader")).toHaveTextContent(
      "Payout % of target, 90th percentile"
    );
    expect(
      within(rows[1])
        .getAllByRole("cell")
        .map((c) => c.textContent)
    ).toEqual([
      "Act99.0%",
      "Watch171.5%", // AE: PERCENTILE.INC(.30 … 2.10; 0.9) = 1.55 + 0.3 × 0.55
      "Act99.0%",
    ]);
    expect(
      rows
        .slice(1)
        .map((r) => within(r).getAllByRole("cell")[0].querySelector(".fui-Badge")?.textContent)
    ).toEqual([
      "Act",
      "Act",
      "Act",
      "Watch",
      "Watch",
      "Watch",
      "Watch",
      "Watch",
      "Not set",
      "Not set",
      "OK",
      "OK",
      "OK",
      "OK",
    ]);

    expect(screen.getByRole("status")).toHaveTextContent(
      "Pulse check Q1 2026: 3 Act, 5 Watch, 2 Not set, 4 OK."
    );
    expect(screen.getByText("Wrote the Pulse Check Q1 2026 tab")).toBeInTheDocument();
    expect(
      screen.getByText(/10 reps computed on the period's actuals; 1 left out for data issues/)
    ).toBeInTheDocument();
    expect(await book.ownedSheets()).toEqual(["Pulse Check Q1 2026", "Pulse Trend"]);

    // Show the tab selects its A1; running again refreshes it in place.
    await user.click(screen.getByRole("button", { name: "Show Pulse Check Q1 2026" }));
    expect(book.selection).toEqual({ sheet: "Pulse Check Q1 2026", range: "A1" });
    await user.click(await runButton());
    expect(
      await screen.findByText("Refreshed the Pulse Check Q1 2026 tab", {}, WAIT)
    ).toBeInTheDocument();
  });

  it("has no axe violations with results on screen", async () => {
    const user = userEvent.setup();
    const { container } = renderTab(memoryAccess(MemoryWorkbook.fromSheets(tinySheets())).access);
    await user.click(await runButton());
    await checksList();
    await expectNoAxeViolations(container);
  });

  it("without a Period the tab is named after the fiscal quarter of today's date; Pulse Settings problems are listed", async () => {
    const user = userEvent.setup();
    const settings = [
      ["Setting", "Value"],
      ["Plan Payout To Target", "100%"],
    ];
    renderTab(memoryAccess(MemoryWorkbook.fromSheets(tinySheets({ settings }))).access);
    await user.click(await runButton());
    expect(
      await screen.findByText("Wrote the Pulse Check 2026 Q2 tab", {}, WAIT)
    ).toBeInTheDocument();
    expect(screen.getByText("Pulse Settings: 1 problem")).toBeInTheDocument();
    expect(
      screen.getByText(
        `'Pulse Settings'!B2: Plan Payout To Target must be a number, not text "100%"; it is treated as not set.`
      )
    ).toBeInTheDocument();
  });

  it("no Reps sheet: a warning that says what to do, and nothing written", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.fromSheets(tinySheets().filter((s) => s.name !== "Reps"));
    renderTab(memoryAccess(book).access);
    await user.click(await runButton());
    const bar = await screen.findByRole("group", { name: "No Reps sheet" }, WAIT);
    expect(bar).toHaveTextContent(/computed rep by rep on the period's actuals/);
    expect(bar).toHaveTextContent(/Set up workbook \(Alignment or Scenarios tab\)/);
    expect(await book.ownedSheets()).toEqual([]);
    expect(screen.queryByRole("list", { name: /Pulse checks/ })).toBeNull();
  });

  it("a plan with errors: the errors with their cells and to fix them, not 'try again'; nothing written", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.fromSheets(tinySheets());
    const matrix = book.snapshot("Matrix").values;
    const weight = matrix[0].findIndex((h) => h === "Weight");
    book.setCell(`Matrix!${String.fromCharCode(65 + weight)}2`, "lots");
    renderTab(memoryAccess(book).access);
    await user.click(await runButton());
    const bar = await screen.findByRole(
      "group",
      { name: /^The plan has \d errors?: no pulse check until (it is|they are) fixed$/ },
      WAIT
    );
    expect(bar).toHaveTextContent(`not text "lots". (Matrix!${String.fromCharCode(65 + weight)}2)`);
    expect(bar).toHaveTextContent("Fix these cells");
    expect(bar).not.toHaveTextContent(/Try again|reopen/);
    expect(await book.ownedSheets()).toEqual([]);
  });

  it("a Reps sheet of 0 rows: a warning saying to add reps, not to try again, and nothing written", async () => {
    const user = userEvent.setup();
    const sheets = tinySheets().map((s) =>
      s.name === "Reps" ? { ...s, values: s.values.slice(0, 1) } : s
    );
    const book = MemoryWorkbook.fromSheets(sheets);
    renderTab(memoryAccess(book).access);
    await user.click(await runButton());
    const bar = await screen.findByRole("group", { name: "Could not run the pulse check" }, WAIT);
    expect(bar).toHaveTextContent("the Reps sheet has no rows below its header");
    expect(bar).toHaveTextContent(/Add your reps to the Reps sheet, one row per rep/);
    expect(bar).not.toHaveTextContent(/Try again|reopen/);
    // A state of the workbook to change: a warning, as a missing Reps sheet is.
    expect(
      describePulseError(new ActionError("not-computable", "No rep could be computed."), "run")
        .intent
    ).toBe("warning");
    expect(await book.ownedSheets()).toEqual([]);
  });

  it("a workbook error keeps the last results and says they are from the last run that worked", async () => {
    const user = userEvent.setup();
    let fail = false;
    const book = MemoryWorkbook.fromSheets(tinySheets());
    const { access } = memoryAccess(book, (run) =>
      fail
        ? Promise.reject(new WorkbookError("unreadable", "Excel is busy editing a cell."))
        : run()
    );
    renderTab(access);
    await user.click(await runButton());
    await checksList();
    fail = true;
    await user.click(await runButton());
    const bar = await screen.findByRole("group", { name: "Could not run the pulse check" }, WAIT);
    expect(bar).toHaveTextContent("Excel is busy editing a cell.");
    expect(bar).toHaveTextContent(
      /Finish editing the cell you are in.*The results below are from the last run that worked\./
    );
    expect(screen.getByRole("list", { name: "Pulse checks, Q1 2026" })).toBeInTheDocument();
  });

  it("while a run is in flight the button is disabled and a spinner says so", async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { access, calls } = memoryAccess(MemoryWorkbook.fromSheets(tinySheets()), async (run) => {
      await gate;
      return run();
    });
    renderTab(access);
    const button = await runButton();
    await user.click(button);
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByText("Running the pulse check…")).toBeInTheDocument();
    await user.click(button);
    expect(calls.runs).toBe(1);
    release();
    await checksList();
    expect(button).not.toHaveAttribute("aria-disabled", "true");
  });

  it("localToday is the local date as yyyy-mm-dd", () => {
    expect(localToday(new Date(2026, 0, 5, 0, 1))).toBe("2026-01-05");
  });
});
