/** @jest-environment jsdom */
/**
 * The Communicate tab (plan on a page) with Testing Library by role and jest-axe, on the tiny
 * design of test/explain/fixture.ts in an in-memory workbook: the page read on first show, a
 * plan picked, its curve and earnings tables, the five-minute-rule warning, copying the talking
 * points (clipboard mocked, the confirmation in a status region), writing the plan pages, busy
 * states and errors with next steps.
 */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { memoryAccess } from "../helpers/memoryAccess";
import { explainPlans } from "../../src/actions/explainPlans";
import { CommunicateTab } from "../../src/taskpane/CommunicateTab";
import { type WorkbookAccess } from "../../src/taskpane/workbookAccess";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port";
import { SHEETS } from "../explain/fixture";
import { renderInPane } from "./paneTest";

const renderTab = (access: WorkbookAccess | null) => renderInPane(<CommunicateTab />, access);

const fixtureBook = () => MemoryWorkbook.fromSheets(SHEETS);
/** The text of each element of this role inside `el`. */
const texts = (el: HTMLElement, role: "option" | "listitem" | "row") =>
  within(el)
    .getAllByRole(role)
    .map((e) => e.textContent);
const button = (name: string) => screen.getByRole("button", { name });
const pageHeading = (plan: string) =>
  screen.findByRole("heading", { level: 3, name: `${plan}: your plan on a page` });

describe("Communicate tab", () => {
  it("reads the plans when first shown and shows the first plan's page, without axe violations", async () => {
    const { access, calls } = memoryAccess(fixtureBook());
    const { container } = renderTab(access);
    await pageHeading("AE");
    expect(calls.runs).toBe(1);

    const picker = screen.getByRole("combobox", { name: "Plan" });
    expect(texts(picker, "option")).toEqual(["AE", "SDR", "Pair", "Busy", "Wiggly", "Steps"]);
    expect(picker).toHaveValue("AE");

    const why = screen.getByRole("region", { name: "Why this plan" });
    expect(within(why).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Keep core (60% of your target incentive): Core pays the bills.",
      "Grow cloud (40% of your target incentive): Cloud is where customers are going.",
    ]);
    const counts = screen.getByRole("region", { name: "What counts" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Renew core licences",
      "Sell cloud subscriptions",
    ]);

    // Each metric's curve as a small table.
    const cliff = screen.getByRole("table", { name: "Cloud ARR curve (Cliff)" });
    expect(within(cliff).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "AttainmentPayout (% of target)",
      "80%50%",
      "100%100%",
      "110%150%",
    ]);

    // The earnings table: hand-computed in test/explain/engine.test.ts.
    const earnings = screen.getByRole("table", {
      name: "Earnings at the same attainment on every metric",
    });
    // Headed as the Plan page sheet heads it (src/reports/planPage.ts).
    expect(within(earnings).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Attainment on every metric",
      "Earnings",
      "% of target incentive",
    ]);
    expect(
      within(earnings)
        .getAllByRole("row")
        .slice(1)
        .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))
    ).toEqual([
      ["$0", "0%"],
      ["$6,000", "30%"],
      ["$20,000", "100%"],
      ["$30,000", "150%"],
      ["$36,000", "180%"],
    ]);
    expect(
      screen.getByText("Amounts are for the median target incentive of the 3 reps on AE: $20,000.")
    ).toBeInTheDocument();

    const more = screen.getByRole("region", { name: "How to earn more" });
    expect(more).toHaveTextContent("each extra point of Cloud ARR attainment pays $400 more");
    const complexity = screen.getByRole("region", { name: "Plan complexity" });
    expect(complexity).toHaveTextContent("2 metrics, up to 3 curve points on a metric, 0 modifiers.");
    expect(within(complexity).queryByText("Breaks the five-minute rule")).toBeNull();

    await expectNoAxeViolations(container);
  });

  it("picking a plan shows its page; a plan breaking the five-minute rule shows a warning bar", async () => {
    const user = userEvent.setup();
    const { container } = renderTab(memoryAccess(fixtureBook()).access);
    await pageHeading("AE");

    await user.selectOptions(screen.getByRole("combobox", { name: "Plan" }), "Busy");
    await pageHeading("Busy");
    const complexity = screen.getByRole("region", { name: "Plan complexity" });
    const warning = within(complexity).getByRole("group", { name: "Breaks the five-minute rule" });
    expect(warning).toHaveTextContent("Busy breaks the five-minute rule: it has 4 metrics (keep it to 3).");

    await user.selectOptions(screen.getByRole("combobox", { name: "Plan" }), "Pair");
    await pageHeading("Pair");
    // No reps on Pair: amounts are shares of target incentive, and the page says so.
    expect(screen.getByText(/^No rep in Reps is on Pair/)).toBeInTheDocument();
    const earnings = screen.getByRole("table", {
      name: "Earnings at the same attainment on every metric",
    });
    expect(within(earnings).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "Attainment on every metric",
      "Earnings (% of target incentive)",
    ]);
    await expectNoAxeViolations(container);
  });

  it("Copy talking points puts the plan's plain text on the clipboard and announces it", async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, "writeText");
    const book = fixtureBook();
    renderTab(memoryAccess(book).access);
    await pageHeading("AE");
    await user.selectOptions(screen.getByRole("combobox", { name: "Plan" }), "SDR");

    await user.click(button("Copy talking points"));
    const { plans } = await explainPlans(book);
    expect(writeText).toHaveBeenCalledWith(plans[1].talkingPoints);
    await expect(navigator.clipboard.readText()).resolves.toBe(plans[1].talkingPoints);
    expect(screen.getByRole("status")).toHaveTextContent(
      "Copied the talking points for SDR to the clipboard."
    );
  });

  it("when the clipboard is blocked, says so and shows the text to copy by hand", async () => {
    const user = userEvent.setup();
    jest.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("blocked"));
    const { container } = renderTab(memoryAccess(fixtureBook()).access);
    await pageHeading("AE");

    await user.click(button("Copy talking points"));
    expect(screen.getByRole("status")).toHaveTextContent(
      "Could not copy the talking points for AE: the clipboard is not available here."
    );
    const text = screen.getByRole("textbox", { name: "Talking points for AE" });
    expect((text as HTMLTextAreaElement).value).toMatch(/^AE: your plan on a page\n/);
    await expectNoAxeViolations(container);
  });

  it("Write plan pages writes one tab per plan and says which", async () => {
    const user = userEvent.setup();
    const book = fixtureBook();
    renderTab(memoryAccess(book).access);
    await pageHeading("AE");

    await user.click(button("Write plan pages"));
    const bar = await screen.findByRole("group", { name: "Plan pages written" });
    expect(bar).toHaveTextContent(
      "Wrote “Plan - AE”, “Plan - SDR”, “Plan - Pair”, “Plan - Busy”, “Plan - Wiggly” and “Plan - Steps”."
    );
    expect(await book.ownedSheets()).toEqual([
      "Plan - AE",
      "Plan - SDR",
      "Plan - Pair",
      "Plan - Busy",
      "Plan - Wiggly",
      "Plan - Steps",
    ]);

    await user.click(button("Write plan pages"));
    expect(await screen.findByRole("group", { name: "Plan pages written" })).toHaveTextContent(
      "Refreshed “Plan - AE”"
    );
  });

  it("re-reads by itself when an input table changes, keeping the picked plan", async () => {
    const user = userEvent.setup();
    const book = fixtureBook();
    const watched: string[][] = [];
    const access: WorkbookAccess = {
      run: (action) => action(book),
      watchTables: (tables, onChange) => {
        watched.push(tables);
        return book.onChange((change) => {
          if (change.sheets.some((sheet) => tables.includes(sheet))) onChange();
        });
      },
    };
    renderTab(access);
    await pageHeading("AE");
    await user.selectOptions(screen.getByRole("combobox", { name: "Plan" }), "SDR");
    await pageHeading("SDR");
    expect(watched).toEqual([["Objectives", "Matrix", "Curves", "Reps"]]);

    act(() => book.setCell("Objectives!C2", "Core pays every bill."));
    const why = screen.getByRole("region", { name: "Why this plan" });
    await waitFor(() => expect(why).toHaveTextContent("Keep core (25% of your target incentive): Core pays every bill."));
    expect(screen.getByRole("combobox", { name: "Plan" })).toHaveValue("SDR");
  });

  it("shows which task is running and disables the workbook actions meanwhile", async () => {
    const book = fixtureBook();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const access: WorkbookAccess = {
      run: async (action) => {
        await gate;
        return action(book);
      },
    };
    renderTab(access);
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByText("Reading the plans…")).toBeInTheDocument();
    expect(button("Read plans")).toHaveAttribute("aria-disabled", "true");
    expect(button("Write plan pages")).toHaveAttribute("aria-disabled", "true");
    expect(button("Copy talking points")).toHaveAttribute("aria-disabled", "true");
    await act(async () => release());
    await pageHeading("AE");
    expect(screen.queryByText("Reading the plans…")).toBeNull();
    expect(button("Read plans")).not.toHaveAttribute("aria-disabled");
  });

  it("a workbook without Matrix gets a warning with the next step", async () => {
    const { container } = renderTab(memoryAccess(MemoryWorkbook.fromSheets([])).access);
    const bar = await screen.findByRole("group", { name: "No Matrix sheet" });
    expect(bar).toHaveTextContent("On the Alignment tab, select Set up workbook");
    expect(screen.queryByRole("combobox")).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("a failed write says what happened and what to do, keeping the page", async () => {
    const user = userEvent.setup();
    const book = fixtureBook();
    // Every port method is the book's own but writeOwnedSheets.
    const failing: WorkbookPort = new Proxy(book, {
      get(target, prop) {
        if (prop === "writeOwnedSheets")
          return () => Promise.reject(new WorkbookError("unreadable", "Excel is in cell-edit mode"));
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    renderTab(memoryAccess(failing).access);
    await pageHeading("AE");
    await user.click(button("Write plan pages"));
    const bar = await screen.findByRole("group", { name: "Could not write the plan pages" });
    expect(bar).toHaveTextContent("Excel is in cell-edit mode");
    expect(bar).toHaveTextContent("Finish editing the cell you are in");
    expect(screen.getByRole("heading", { level: 3, name: "AE: your plan on a page" })).toBeInTheDocument();
    await waitFor(() => expect(button("Write plan pages")).not.toHaveAttribute("aria-disabled"));
  });
});
