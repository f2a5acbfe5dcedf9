/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { runAlignmentCheck, setupWorkbook } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError, type WorkbookPort } from "../../src/workbook/port";
import { AlignmentTab } from "../../src/taskpane/AlignmentTab";
import { App } from "../../src/taskpane/App";
import { type WorkbookAccess } from "../../src/taskpane/workbookAccess";
import { MY_OBJECTIVES, renderInPane } from "./paneTest";

/**
 * A WorkbookAccess on a MemoryWorkbook, counting runs; watches tables through onChange when asked.
 * `settled()` waits, inside act, for every run started so far (such as the tab's read of the sheet
 * names when it opens), so the state they lead to is on screen before the test goes on.
 */
function memoryAccess(book: MemoryWorkbook, { watch = false } = {}) {
  const calls = { runs: 0, subscribed: [] as string[][], unsubscribed: 0 };
  const started: Promise<unknown>[] = [];
  const access: WorkbookAccess = {
    run: (action) => {
      calls.runs++;
      const run = action(book);
      started.push(run.catch(() => undefined));
      return run;
    },
  };
  const settled = () =>
    act(async () => {
      await Promise.all(started);
    });
  if (watch) {
    access.watchTables = (tables, onChange) => {
      calls.subscribed.push(tables);
      const stop = book.onChange((change) => {
        if (change.sheets.some((sheet) => tables.includes(sheet))) onChange();
      });
      return () => {
        calls.unsubscribed++;
        stop();
      };
    };
  }
  return { access, calls, settled };
}

const renderTab = (access: WorkbookAccess | null) => renderInPane(<AlignmentTab />, access);

/** A workbook set up with the starter plan, as "Set up workbook" leaves it. */
async function starterBook(sheets: { name: string; values: (string | number | null)[][] }[] = []) {
  const book = MemoryWorkbook.fromSheets(sheets);
  await setupWorkbook(book);
  return book;
}

/** ["a", "b", "c"] → "a, b and c", as the pane lists sheets. */
const sheetList = (names: string[]) =>
  names.length > 1
    ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`
    : names.join("");

/** The sheets "Set up workbook" adds to a workbook holding these sheets (asked of the action itself). */
async function sheetsSetupAdds(sheets: { name: string; values: (string | number | null)[][] }[]) {
  return (await setupWorkbook(MemoryWorkbook.fromSheets(sheets))).created;
}

const button = (name: string) => screen.getByRole("button", { name });
const indexMeter = () => screen.findByRole("meter", { name: "Design alignment index" });

describe("Alignment tab", () => {
  it("before any check, explains what the actions do and has no axe violations", async () => {
    const { access } = memoryAccess(MemoryWorkbook.fromSheets([]));
    const { container } = renderTab(access);
    // Once the tab has read the sheet names, an empty workbook's next step is setting it up.
    expect(await screen.findByText("Start by setting up the workbook")).toBeInTheDocument();
    expect(
      screen.getByRole("heading", { level: 2, name: "Goal alignment matrix" })
    ).toBeInTheDocument();
    const actions = screen.getByRole("group", { name: "Alignment actions" });
    expect(
      within(actions)
        .getAllByRole("button")
        .map((b) => b.textContent)
    ).toEqual(["Set up workbook", "Check alignment", "Alignment view"]);
    expect(screen.queryByRole("meter")).toBeNull();
    await expectNoAxeViolations(container);
  });

  it("Set up workbook adds the four input sheets as tables and says which", async () => {
    const user = userEvent.setup();
    const book = MemoryWorkbook.fromSheets([]);
    renderTab(memoryAccess(book).access);

    await user.click(button("Set up workbook"));

    const bar = await screen.findByRole("group", { name: "Workbook set up" });
    const added = await sheetsSetupAdds([]);
    expect(added).toEqual(expect.arrayContaining(["Objectives", "Matrix", "Curves", "Reps"]));
    expect(bar).toHaveTextContent(`Added ${sheetList(added)} with a starter plan.`);
    for (const name of ["Objectives", "Matrix", "Curves", "Reps"]) {
      const sheet = book.snapshot(name);
      expect(sheet.owned).toBe(false);
      expect(sheet.tables.map((t) => t.name)).toEqual([name]);
    }
  });

  it("Set up workbook keeps sheets that are already there, and says so", async () => {
    const user = userEvent.setup();
    const objectives = MY_OBJECTIVES;
    const book = MemoryWorkbook.fromSheets([{ name: "Objectives", values: objectives }]);
    renderTab(memoryAccess(book).access);

    await user.click(button("Set up workbook"));

    const bar = await screen.findByRole("group", { name: "Workbook set up" });
    const added = await sheetsSetupAdds([{ name: "Objectives", values: objectives }]);
    expect(added).not.toContain("Objectives");
    expect(bar).toHaveTextContent(`Added ${sheetList(added)} with a starter plan.`);
    expect(bar).toHaveTextContent("Kept Objectives as it was.");
    expect(book.snapshot("Objectives").values).toEqual(objectives);

    await user.click(button("Set up workbook"));
    const all = ["Objectives", ...added];
    expect(await screen.findByRole("group", { name: "Nothing to add" })).toHaveTextContent(
      `already has ${sheetList(all)}`
    );
  });

  it("Check alignment on the starter plan: no errors, and the engine's index", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    const expected = (await runAlignmentCheck(book)).report;
    expect(expected.designAlignmentIndex).not.toBeNull();
    const { container } = renderTab(memoryAccess(book).access);

    await user.click(button("Check alignment"));

    const meter = await indexMeter();
    expect(meter).toHaveTextContent(expected.designAlignmentIndex!.toFixed(2));
    expect(meter).toHaveAttribute("aria-valuenow", String(expected.designAlignmentIndex));
    expect(screen.getByRole("heading", { name: "Errors (0)" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/^Checked: 0 errors, /);

    // A priority bar and a pay bar for every objective, with their values.
    const bars = screen.getByRole("list", { name: "Priority share vs pay share" });
    for (const o of expected.objectives) {
      const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
      expect(
        within(bars).getByRole("img", {
          name: `${o.objective}: priority share ${pct(o.priorityShare)}`,
        })
      ).toBeInTheDocument();
      expect(
        within(bars).getByRole("img", { name: `${o.objective}: pay share ${pct(o.payShare)}` })
      ).toBeInTheDocument();
    }
    await expectNoAxeViolations(container);
  });

  it("re-checks by itself when a watched table changes, and a finding selects its cell", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    const select = jest.spyOn(book, "select");
    const { access, calls } = memoryAccess(book, { watch: true });
    const { container } = renderTab(access);

    expect(calls.subscribed).toEqual([]); // nothing to watch before the first check
    await user.click(button("Check alignment"));
    await screen.findByRole("heading", { name: "Errors (0)" });
    await waitFor(() => expect(calls.subscribed).toEqual([["Objectives", "Matrix", "Curves"]]));

    act(() => book.setCell("Matrix!E2", 0.3));

    const errors = await screen.findByRole("region", { name: "Errors (1)" });
    const finding = within(errors).getByRole("button", { name: /Weights do not add up to 100%/ });
    expect(finding).toHaveAccessibleName(/weights sum to 90%/);
    expect(finding).toHaveAccessibleName(/Plan: Account Executive/);
    expect(finding).toHaveAccessibleName(/Go to Matrix, E2/);

    await user.click(finding);
    expect(select).toHaveBeenCalledWith("Matrix!E2");
    expect(book.selection).toEqual({ sheet: "Matrix", range: "E2" });
    await expectNoAxeViolations(container);
  });

  it("re-check with the button after an edit when the workbook cannot be watched", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    renderTab(memoryAccess(book).access);
    await user.click(button("Check alignment"));
    await screen.findByRole("heading", { name: "Errors (0)" });

    book.setCell("Matrix!E2", 0.3);
    await user.click(button("Check alignment"));

    expect(
      await screen.findByRole("button", {
        name: /Weights do not add up to 100%.*weights sum to 90%/,
      })
    ).toBeInTheDocument();
  });

  it("keeps the previous results on screen while re-checking, then swaps them", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    let release: (() => void) | undefined;
    let hold = false;
    const { access: direct } = memoryAccess(book, { watch: true });
    const access: WorkbookAccess = {
      watchTables: direct.watchTables,
      run: async (action) => {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return action(book);
      },
    };
    renderTab(access);
    await user.click(button("Check alignment"));
    const before = (await indexMeter()).textContent;

    hold = true;
    act(() => book.setCell("Matrix!E2", 0.3));

    // Re-checking: the old results stay, marked busy, with an "Updating…" indicator.
    expect(await screen.findByRole("progressbar", { name: "Updating…" })).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Design alignment index" })).toHaveTextContent(
      before!
    );
    expect(screen.getByRole("heading", { name: "Errors (0)" })).toBeInTheDocument();

    hold = false;
    await act(async () => release!());

    expect(await screen.findByRole("heading", { name: "Errors (1)" })).toBeInTheDocument();
    expect(screen.queryByRole("progressbar", { name: "Updating…" })).toBeNull();
  });

  it("never runs re-checks on top of each other: edits during a run make one more run", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    const { access: direct } = memoryAccess(book, { watch: true });
    const pending: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let runs = 0;
    let hold = false;
    const access: WorkbookAccess = {
      watchTables: direct.watchTables,
      run: async (action) => {
        runs++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          if (hold) await new Promise<void>((resolve) => pending.push(resolve));
          return await action(book);
        } finally {
          inFlight--;
        }
      },
    };
    renderTab(access);
    await user.click(button("Check alignment"));
    await screen.findByRole("heading", { name: "Errors (0)" });
    // One read of the sheet names when the tab opens (is there a Matrix yet?), then the check.
    expect(runs).toBe(2);

    hold = true;
    act(() => book.setCell("Matrix!E2", 0.3)); // starts re-check 1
    await waitFor(() => expect(pending).toHaveLength(1));
    act(() => book.setCell("Matrix!E3", 0.3)); // queued behind it
    act(() => book.setCell("Matrix!E4", 0.4)); // coalesced with the queued one (weights: 30 + 30 + 40)
    await act(async () => pending.shift()!());
    await waitFor(() => expect(pending).toHaveLength(1));
    hold = false;
    await act(async () => pending.shift()!());

    await waitFor(() =>
      expect(screen.getByRole("heading", { name: "Errors (0)" })).toBeInTheDocument()
    );
    expect(runs).toBe(4);
    expect(maxInFlight).toBe(1);
  });

  it("after Set up workbook adds sheets, watches the new tables and re-checks", async () => {
    const user = userEvent.setup();
    const matrix = [
      ["Plan", "Metric", "Objective", "Weight", "Curve"],
      ["Account Executive", "Cloud ARR", "Grow cloud subscriptions", 1, "Standard"],
    ];
    const book = MemoryWorkbook.fromSheets([{ name: "Matrix", values: matrix }]);
    const { access, calls } = memoryAccess(book, { watch: true });
    renderTab(access);
    await user.click(button("Check alignment"));
    const errorsBefore = await screen.findByRole("heading", { name: /^Errors \([1-9]\d*\)$/ });
    await waitFor(() => expect(calls.subscribed).toHaveLength(1));

    await user.click(button("Set up workbook"));

    const added = await sheetsSetupAdds([{ name: "Matrix", values: matrix }]);
    expect(await screen.findByRole("group", { name: "Workbook set up" })).toHaveTextContent(
      `Added ${sheetList(added)} with a starter plan. Kept Matrix as it was.`
    );
    await waitFor(() =>
      expect(screen.getByRole("heading", { name: "Errors (0)" })).toBeInTheDocument()
    );
    // Updated in place, not remounted: no flicker.
    expect(errorsBefore).toHaveTextContent("Errors (0)");
    await waitFor(() => expect(calls.subscribed).toHaveLength(2));
    expect(calls.unsubscribed).toBe(1);
    expect(book.snapshot("Matrix").values).toEqual(matrix);
  });

  it("stops watching the tables when it unmounts", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    const { access, calls } = memoryAccess(book, { watch: true });
    const { unmount } = renderTab(access);
    await user.click(button("Check alignment"));
    await waitFor(() => expect(calls.subscribed).toHaveLength(1));

    unmount();
    expect(calls.unsubscribed).toBe(1);
    const runs = calls.runs;
    book.setCell("Matrix!E2", 0.3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.runs).toBe(runs);
  });

  it("Alignment view writes a sheet CompAlign owns and says which", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    renderTab(memoryAccess(book).access);

    await user.click(button("Alignment view"));

    const bar = await screen.findByRole("group", { name: "Alignment view written" });
    expect(bar).toHaveTextContent("Wrote the sheet “Alignment View”.");
    expect(book.snapshot("Alignment View").owned).toBe(true);
    // It also shows the check it wrote.
    expect(await indexMeter()).toBeInTheDocument();

    await user.click(button("Alignment view"));
    expect(await screen.findByRole("group", { name: "Alignment view written" })).toHaveTextContent(
      "Refreshed the sheet “Alignment View” in place."
    );
  });

  it("when a sheet of the user's is named Alignment View, says it wrote Alignment View (2)", async () => {
    const user = userEvent.setup();
    const mine = [["My own notes"]];
    const book = await starterBook([{ name: "Alignment View", values: mine }]);
    renderTab(memoryAccess(book).access);

    await user.click(button("Alignment view"));

    const bar = await screen.findByRole("group", { name: "Alignment view written" });
    expect(bar).toHaveTextContent("Wrote the sheet “Alignment View (2)”.");
    expect(bar).toHaveTextContent("A sheet of yours is named “Alignment View”");
    expect(book.snapshot("Alignment View (2)").owned).toBe(true);
    expect(book.snapshot("Alignment View")).toMatchObject({ owned: false, values: mine });
  });

  it("without a Matrix sheet, says so and suggests Set up workbook", async () => {
    const user = userEvent.setup();
    const { container } = renderTab(memoryAccess(MemoryWorkbook.fromSheets([])).access);

    await user.click(button("Check alignment"));

    const bar = await screen.findByRole("group", { name: "No Matrix sheet" });
    expect(bar).toHaveTextContent("Select Set up workbook");
    expect(screen.queryByRole("meter")).toBeNull();
    // The pane is not blank: the actions and the explanation are still there.
    expect(button("Set up workbook")).toBeInTheDocument();
    await expectNoAxeViolations(container);

    // Following the advice clears the error and the check then works.
    await user.click(button("Set up workbook"));
    await screen.findByRole("group", { name: "Workbook set up" });
    expect(screen.queryByRole("group", { name: "No Matrix sheet" })).toBeNull();
    await user.click(button("Check alignment"));
    expect(await indexMeter()).toBeInTheDocument();
  });

  it("shows a workbook error's message plainly, with what to do next", async () => {
    const user = userEvent.setup();
    const access: WorkbookAccess = {
      run: () =>
        Promise.reject(
          new WorkbookError("unreadable", "Matrix could not be read: the workbook is busy")
        ),
    };
    renderTab(access);

    await user.click(button("Check alignment"));

    const bar = await screen.findByRole("group", { name: "Could not check alignment" });
    expect(bar).toHaveTextContent("Matrix could not be read: the workbook is busy");
    expect(bar).toHaveTextContent("try again");
  });

  it("while an action runs: spinner, buttons disabled, results marked busy", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    let release: (() => void) | undefined;
    let hold = false;
    const access: WorkbookAccess = {
      run: async <T,>(action: (b: WorkbookPort) => Promise<T>) => {
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        return action(book);
      },
    };
    renderTab(access);
    await user.click(button("Check alignment"));
    await indexMeter();

    hold = true;
    await user.click(button("Check alignment"));

    expect(screen.getByRole("progressbar", { name: "Checking alignment…" })).toBeInTheDocument();
    for (const name of ["Set up workbook", "Check alignment", "Alignment view"]) {
      expect(button(name)).toHaveAttribute("aria-disabled", "true");
    }
    // The results stay while they are being replaced.
    const meter = screen.getByRole("meter", { name: "Design alignment index" });
    expect(meter.closest("[aria-busy='true']")).not.toBeNull();

    hold = false;
    await act(async () => release!());
    await waitFor(() =>
      expect(button("Check alignment")).not.toHaveAttribute("aria-disabled", "true")
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("is keyboard operable: Tab to Check alignment, Enter runs it", async () => {
    const user = userEvent.setup();
    const book = await starterBook();
    renderTab(memoryAccess(book).access);

    await user.tab();
    expect(button("Set up workbook")).toHaveFocus();
    await user.tab();
    expect(button("Check alignment")).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(await indexMeter()).toBeInTheDocument();
  });

  it("opens on the Alignment tab in the app when there is a workbook", async () => {
    const book = await starterBook();
    const { access, settled } = memoryAccess(book);
    render(<App workbook={access} />);
    await settled();
    expect(screen.getByRole("tab", { name: "Alignment" })).toHaveAttribute("aria-selected", "true");
    // It has a Matrix sheet, so the next step is a check, not setup.
    expect(screen.getByText("Not checked yet")).toBeInTheDocument();
    expect(
      within(screen.getByRole("tabpanel", { name: "Alignment" })).getByRole("button", {
        name: "Check alignment",
      })
    ).toBeVisible();
  });
});
