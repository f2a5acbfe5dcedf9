/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expectNoAxeViolations } from "../helpers/axe";
import { App } from "../../src/taskpane/App";
import { sampleSheets } from "../../src/reports/sampleWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory";

/** A workbook holding the sample's input sheets. */
async function sampleBook(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  for (const spec of sampleSheets()) await book.createSheet(spec);
  return book;
}

const TAB_NAMES = ["Alignment", "Scenarios", "Communicate", "Pulse", "Functions"];

/** Lets the tab indicator's animation frame run inside act(), as a browser would after a switch. */
const nextFrame = () =>
  act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

describe("task pane shell", () => {
  it("has a header that says what CompAlign is", () => {
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "CompAlign" })).toBeInTheDocument();
    expect(screen.getByText("Sales-comp plans that follow strategy")).toBeInTheDocument();
  });

  it("shows the five tabs, in order, with Functions selected first", () => {
    render(<App />);
    const tablist = screen.getByRole("tablist", { name: "CompAlign sections" });
    expect(within(tablist).getAllByRole("tab")).toEqual(
      TAB_NAMES.map((name) => screen.getByRole("tab", { name }))
    );
    expect(screen.getByRole("tab", { name: "Functions" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Functions" })).toBeVisible();
    // Only the selected panel is exposed.
    expect(screen.getAllByRole("tabpanel")).toHaveLength(1);
  });

  it("each tab controls a panel labelled by it", () => {
    render(<App />);
    for (const name of TAB_NAMES) {
      const tab = screen.getByRole("tab", { name });
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      expect(panel).not.toBeNull();
      expect(panel).toHaveAttribute("role", "tabpanel");
      expect(panel).toHaveAttribute("aria-labelledby", tab.id);
    }
  });

  it("a dropdown's portal does not take the pane's full-window height (it covered the header and tabs)", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    render(
      <App
        workbook={{ run: (action) => action(book), canAppendRows: true }}
        defaultTab="scenarios"
      />
    );
    // The pane fills the window; Fluent copies the provider's classes onto portal nodes, which
    // sit absolutely at the top of the page, in front: a 100vh one hid the header and tabs and
    // took their clicks once a dropdown had been opened.
    const provider = screen.getByRole("heading", { level: 1 }).closest(".fui-FluentProvider");
    expect(getComputedStyle(provider as HTMLElement).minHeight).toBe("100vh");
    const panel = screen.getByRole("tabpanel", { name: "Scenarios" });
    await within(panel).findByRole("group", { name: "Scenarios to run" });
    await user.click(
      within(panel).getByRole("button", { name: "Add a change to the Scenarios sheet" })
    );
    await user.click(within(panel).getByRole("combobox", { name: "Change" }));
    const option = await screen.findByRole("option", { name: "Scale target incentive" });
    const portal = option.closest("[data-portal-node]");
    expect(portal).not.toBeNull();
    expect(getComputedStyle(portal as HTMLElement).minHeight).not.toBe("100vh");
  });

  it("switches tabs with the arrow keys and Enter or Space", async () => {
    const user = userEvent.setup();
    render(<App />);
    act(() => screen.getByRole("tab", { name: "Functions" }).focus());
    expect(screen.getByRole("tab", { name: "Functions" })).toHaveFocus();

    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Pulse" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await nextFrame();
    expect(screen.getByRole("tab", { name: "Pulse" })).toHaveAttribute("aria-selected", "true");
    const pulse = screen.getByRole("tabpanel", { name: "Pulse" });
    expect(within(pulse).getByRole("heading", { name: "Pulse check" })).toBeVisible();
    expect(screen.queryByRole("tabpanel", { name: "Functions" })).toBeNull();

    await user.keyboard("{ArrowLeft}{ArrowLeft}{ArrowLeft}");
    expect(screen.getByRole("tab", { name: "Alignment" })).toHaveFocus();
    await user.keyboard(" ");
    await nextFrame();
    expect(screen.getByRole("tab", { name: "Alignment" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Alignment" })).toBeVisible();

    await user.keyboard("{ArrowRight}{Enter}");
    await nextFrame();
    expect(screen.getByRole("tab", { name: "Scenarios" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "Scenarios" })).toBeVisible();
  });

  it.each([
    ["Alignment", "Goal alignment matrix", "Open CompAlign in Excel to use these actions"],
    ["Scenarios", "Plan scenarios", "Open CompAlign in Excel to run scenarios"],
    ["Communicate", "Plan on a page", "Open CompAlign in Excel to explain your plans"],
    ["Pulse", "Pulse check", "Open CompAlign in Excel to run the pulse check"],
  ])(
    "outside Excel the %s tab (%s) says it needs Excel and offers no button",
    async (name, heading, notice) => {
      const user = userEvent.setup();
      render(<App />);
      await user.click(screen.getByRole("tab", { name }));
      await nextFrame();
      const panel = screen.getByRole("tabpanel", { name });
      expect(
        await within(panel).findByRole("heading", { level: 2, name: heading })
      ).toBeInTheDocument();
      expect(within(panel).getByRole("group", { name: notice })).toBeInTheDocument();
      expect(within(panel).queryAllByRole("button")).toEqual([]);
    }
  );

  it("reads the workbook for the Scenarios tab only once that tab is shown", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const read = jest.spyOn(book, "readSheets");
    render(<App workbook={{ run: (action) => action(book) }} defaultTab="functions" />);
    expect(read).not.toHaveBeenCalled();

    await user.click(screen.getByRole("tab", { name: "Scenarios" }));
    const panel = screen.getByRole("tabpanel", { name: "Scenarios" });
    expect(
      await within(panel).findByRole("group", { name: "Scenarios to run" })
    ).toBeInTheDocument();
    expect(read).toHaveBeenCalled();
    // Rows can be added only where the workbook can append them: not here.
    expect(
      within(panel).queryByRole("button", { name: "Add a change to the Scenarios sheet" })
    ).toBeNull();
  });

  it("where the workbook can append rows, the Scenarios form adds the row to the sheet through the port", async () => {
    const user = userEvent.setup();
    const book = await sampleBook();
    const rowsBefore = book.snapshot("Scenarios").values.length;
    const append = jest.spyOn(book, "appendRows");
    render(
      <App
        workbook={{ run: (action) => action(book), canAppendRows: true }}
        defaultTab="scenarios"
      />
    );
    const panel = screen.getByRole("tabpanel", { name: "Scenarios" });
    await within(panel).findByRole("group", { name: "Scenarios to run" });

    await user.click(
      within(panel).getByRole("button", { name: "Add a change to the Scenarios sheet" })
    );
    await user.type(within(panel).getByRole("combobox", { name: "Scenario name" }), "TI up");
    await user.click(within(panel).getByRole("combobox", { name: "Change" }));
    await user.click(await screen.findByRole("option", { name: "Scale target incentive" }));
    await user.type(within(panel).getByRole("textbox", { name: "Value" }), "1.05");
    await user.click(within(panel).getByRole("button", { name: "Add to Scenarios sheet" }));

    expect(await within(panel).findByRole("group", { name: "Row added" })).toHaveTextContent(
      `Added “Scale target incentive” to “TI up” at Scenarios, A${rowsBefore + 1}:G${rowsBefore + 1}.`
    );
    expect(append).toHaveBeenCalledTimes(1);
    const scenarios = book.snapshot("Scenarios");
    expect(scenarios.values[rowsBefore]).toEqual([
      "TI up",
      "scale-ti",
      null,
      null,
      null,
      1.05,
      null,
    ]);
    // The sheet's table takes the row in, and the Value keeps the column's number format.
    expect(scenarios.tables[0].range).toBe(`A1:G${rowsBefore + 1}`);
    expect(scenarios.numberFormats[rowsBefore - 1][5]).not.toBeNull();
    expect(scenarios.numberFormats[rowsBefore][5]).toBe(scenarios.numberFormats[rowsBefore - 1][5]);
    // The list is read again and offers the new scenario.
    expect(await within(panel).findByRole("checkbox", { name: "TI up" })).toBeChecked();
  });

  it.each(TAB_NAMES)("has no axe violations on the %s tab", async (name) => {
    const user = userEvent.setup();
    const { container } = render(<App />);
    await user.click(screen.getByRole("tab", { name }));
    await nextFrame();
    expect(screen.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
    await expectNoAxeViolations(container);
  });
});
