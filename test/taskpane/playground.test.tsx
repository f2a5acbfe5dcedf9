/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { insertSampleData } from "../../src/actions/setupWorkbook";
import { cellText } from "../../src/taskpane/playground/cellText";
import { PlaygroundShell } from "../../src/taskpane/playground/PlaygroundShell";
import {
  createPlaygroundBook,
  installPlaygroundHook,
  memoryWorkbookAccess,
} from "../../src/taskpane/playground/playgroundWorkbook";
import { wantsEmpty } from "../../src/taskpane/playground";
import { describeBurst, sheetToShow } from "../../src/taskpane/playground/useBookSheets";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { SheetSpec } from "../../src/workbook/port";

async function sampleBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await insertSampleData(book);
  return book;
}

const preview = () => screen.getByRole("complementary", { name: "Workbook preview" });
const sheetTabs = () => within(preview()).getByRole("tablist", { name: "Sheets" });
/** The grid's body rows as cell texts (row numbers left out). */
const gridRows = () =>
  Array.from(within(preview()).getByRole("table").querySelectorAll("tbody tr"), (tr) =>
    Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")
  );

const REPORT: SheetSpec = {
  name: "Report",
  blocks: [
    { at: "A1", values: [["A report"]], style: "title" },
    { at: "A2", values: [["Share", 0.425]], numberFormats: [null, "0.0%"] },
  ],
  charts: [{ type: "column", title: "Shares", dataRange: "A2:B2", at: "D1" }],
};

/** The sheets of the sample workbook, in order. */
const SAMPLE_SHEETS = ["Objectives", "Matrix", "Curves", "Reps", "Scenarios", "Pulse Settings"];

describe("cellText: a cell as the preview shows it", () => {
  it.each([
    [null, null, ""],
    [true, null, "TRUE"],
    ["Cloud ARR", "0%", "Cloud ARR"],
    [0.4, "0%", "40%"],
    [0.4256, "0.0%", "42.6%"],
    [0.12345, "0.00%", "12.35%"],
    [22814230.4, "$#,##0", "$22,814,230"],
    [-1234.5, "$#,##0", "-$1,235"],
    [1234.5, "$#,##0.00", "$1,234.50"],
    [1234567, "#,##0", "1,234,567"],
    [0.61912, "0.000", "0.619"],
    [1.1, "0.00", "1.10"],
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [45658, "d-mmm-yy", "1 Jan 2025"],
    [1234.5, null, "1234.5"],
    [1 / 3, "General", "0.3333333333"],
    [42, "@", "42"],
  ])("%p under %p is %p", (value, format, text) => {
    expect(cellText(value, format)).toBe(text);
  });
});

describe("the playground's workbook access", () => {
  it("starts from the sample, or empty", async () => {
    expect(await (await createPlaygroundBook()).sheetNames()).toEqual(SAMPLE_SHEETS);
    expect(await (await createPlaygroundBook({ empty: true })).sheetNames()).toEqual([]);
    expect(wantsEmpty("?empty=1")).toBe(true);
    expect(wantsEmpty("?empty")).toBe(true);
    expect(wantsEmpty("?empty=0")).toBe(false);
    expect(wantsEmpty("")).toBe(false);
  });

  it("runs actions on the book and calls back after each", async () => {
    const book = await sampleBook();
    const afterRun = jest.fn();
    const access = memoryWorkbookAccess(book, { afterRun });
    await expect(access.run(async (port) => port === book)).resolves.toBe(true);
    await expect(
      access.run(async () => {
        throw new Error("no");
      })
    ).rejects.toThrow("no");
    expect(afterRun).toHaveBeenCalledTimes(2);
  });

  it("watches tables: a user's edit to a sheet holding one, debounced; nothing else", async () => {
    jest.useFakeTimers();
    try {
      const book = await sampleBook();
      const onChange = jest.fn();
      const stop = memoryWorkbookAccess(book, { debounceMs: 100 }).watchTables!(
        ["Matrix"],
        onChange
      );
      book.setCell("Matrix!E2", 0.5);
      book.setCell("Matrix!E3", 0.3);
      jest.advanceTimersByTime(99);
      expect(onChange).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(onChange).toHaveBeenCalledTimes(1);
      book.setCell("Reps!A2", "Someone");
      await book.writeOwnedSheets([REPORT]);
      jest.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
      book.setCell("Matrix!E2", 0.4);
      stop();
      jest.advanceTimersByTime(500);
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it("puts a test hook on window", async () => {
    const book = await sampleBook();
    const hook = installPlaygroundHook(book);
    expect(window.__compalign).toBe(hook);
    hook.setCell("Matrix!E2", 0.6);
    expect(hook.snapshot("Matrix").values[1][4]).toBe(0.6);
    await expect(hook.sheetNames()).resolves.toContain("Reps");
  });

  it("says what a burst of changes did, and which sheet to show", () => {
    const burst = [
      { kind: "create" as const, sheets: ["Objectives"] },
      { kind: "create" as const, sheets: ["Matrix"] },
    ];
    expect(sheetToShow(burst)).toBe("Objectives");
    expect(
      sheetToShow([...burst, { kind: "write", sheets: ["Baseline", "Scenario Comparison"] }])
    ).toBe("Scenario Comparison");
    expect(sheetToShow([{ kind: "edit", sheets: ["Matrix"] }])).toBe("Matrix");
    expect(describeBurst(burst)).toBe("Workbook added Objectives, Matrix.");
  });
});

describe("the playground shell", () => {
  it("has the banner, the pane on the workbook and the preview, with no axe violations", async () => {
    const book = await sampleBook();
    const { container } = render(<PlaygroundShell book={book} download={jest.fn()} />);
    const banner = screen.getByRole("region", { name: "About this playground" });
    expect(banner).toHaveTextContent(/Playground/);
    expect(banner).toHaveTextContent(/Upload My Add-in/);
    expect(
      within(banner).getByRole("link", { name: "Start from an empty workbook" })
    ).toHaveAttribute("href", "?empty=1");
    // The pane works on the workbook: its actions, not "needs Excel".
    expect(screen.getByRole("button", { name: "Set up workbook" })).toBeInTheDocument();
    await waitFor(() => expect(within(sheetTabs()).getAllByRole("tab")).toHaveLength(6));
    await expectNoAxeViolations(container);
  });

  it("shows each sheet as a table with column and row headers, formats applied", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    render(<PlaygroundShell book={book} download={jest.fn()} />);
    const tabs = await within(preview()).findAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("data-sheet"))).toEqual(SAMPLE_SHEETS);
    const table = within(preview()).getByRole("table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .slice(1, 3)
        .map((h) => h.textContent)
    ).toEqual(["A", "B"]);
    expect(within(table).getAllByRole("rowheader")[0]).toHaveTextContent("1");
    await user.click(within(preview()).getByRole("tab", { name: "Matrix" }));
    expect(gridRows()[1][4]).toMatch(/^\d+%$/);
    await user.click(within(preview()).getByRole("tab", { name: "Reps" }));
    expect(gridRows()[1][4]).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    // Large sheets render the rows in view only, and say so.
    expect(within(preview()).getByRole("table")).toHaveTextContent(
      /361 rows \(rows 1 to \d+ rendered; scroll for the others\)/
    );
  });

  it("follows the workbook: edits, and CompAlign's reports marked and shown", async () => {
    const book = await sampleBook();
    render(<PlaygroundShell book={book} download={jest.fn()} />);
    await within(preview()).findAllByRole("tab");
    act(() => book.setCell("Matrix!E2", 0.6));
    await waitFor(() =>
      expect(within(preview()).getByRole("tab", { name: "Matrix" })).toHaveAttribute(
        "aria-selected",
        "true"
      )
    );
    expect(gridRows()[1][4]).toBe("60%");
    await act(async () => {
      await book.writeOwnedSheets([REPORT]);
    });
    const report = await within(preview()).findByRole("tab", { name: "Report (CompAlign report)" });
    await waitFor(() => expect(report).toHaveAttribute("aria-selected", "true"));
    expect(gridRows()[1]).toEqual(["Share", "42.5%"]);
    expect(preview()).toHaveTextContent(
      "Charts on this sheet (native Excel charts in Download .xlsx): Shares."
    );
    expect(screen.getByText("Workbook wrote Report.")).toHaveAttribute("role", "status");
  });

  it("outlines the cell the pane selects", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    book.setCell("Matrix!E2", 0.6);
    render(<PlaygroundShell book={book} download={jest.fn()} />);
    await user.click(screen.getByRole("button", { name: "Check alignment" }));
    const finding = await screen.findByRole("button", { name: /Weights do not add up to 100%/ });
    await user.click(finding);
    await waitFor(() =>
      expect(preview().querySelector('td[data-cell="E2"]')).toHaveAttribute("data-selected", "true")
    );
    expect(within(preview()).getByRole("tab", { name: "Matrix" })).toHaveAttribute(
      "aria-selected",
      "true"
    );
  });

  it("says when the workbook is empty, and downloads through the given saver", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    const download = jest.fn(async () => undefined);
    const { container } = render(<PlaygroundShell book={book} empty download={download} />);
    expect(await within(preview()).findByText(/no sheets yet/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Start from the sample instead" })).toHaveAttribute(
      "href",
      "?"
    );
    const button = within(preview()).getByRole("button", { name: "Download .xlsx" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("button", { name: "Set up workbook" }));
    await waitFor(() => expect(within(sheetTabs()).getAllByRole("tab")).toHaveLength(5));
    expect(button).not.toHaveAttribute("aria-disabled", "true");
    await user.click(button);
    expect(download).toHaveBeenCalledWith(book);
    await expectNoAxeViolations(container);
  });

  it("shows a message bar when the download fails", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const download = jest.fn(async () => {
      throw new Error("Disk full.");
    });
    render(<PlaygroundShell book={book} download={download} />);
    await user.click(within(preview()).getByRole("button", { name: "Download .xlsx" }));
    expect(await screen.findByText("The workbook could not be saved")).toBeInTheDocument();
    expect(preview()).toHaveTextContent(/Disk full\. Try again/);
  });

  it("reaches every control of the preview by keyboard", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    render(<PlaygroundShell book={book} download={jest.fn()} />);
    await within(preview()).findAllByRole("tab");
    const download = within(preview()).getByRole("button", { name: "Download .xlsx" });
    download.focus();
    await user.tab();
    expect(within(preview()).getByRole("tab", { name: "Objectives" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(within(preview()).getByRole("tab", { name: "Matrix" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(within(preview()).getByRole("tab", { name: "Matrix" })).toHaveAttribute(
      "aria-selected",
      "true"
    );
    await user.tab();
    expect(document.activeElement).toHaveAttribute("role", "region");
  });
});
