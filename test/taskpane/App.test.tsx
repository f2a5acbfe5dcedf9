/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../src/taskpane/App";

const TAB_NAMES = ["Alignment", "Scenarios", "Pulse", "Functions"];

/** Lets the tab indicator's animation frame run inside act(), as a browser would after a switch. */
const nextFrame = () =>
  act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe(container);
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`)
  ).toEqual([]);
}

describe("task pane shell", () => {
  it("has a header that says what CompAlign is", () => {
    render(<App />);
    expect(screen.getByRole("heading", { level: 1, name: "CompAlign" })).toBeInTheDocument();
    expect(screen.getByText(/sales-compensation plan design in excel/i)).toBeInTheDocument();
  });

  it("shows the four tabs, in order, with Functions selected first", () => {
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

    await user.keyboard("{ArrowLeft}{ArrowLeft}");
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

  it("the Alignment tab, outside Excel, says its workbook actions need Excel", async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole("tab", { name: "Alignment" }));
    await nextFrame();
    const panel = screen.getByRole("tabpanel", { name: "Alignment" });
    expect(
      within(panel).getByRole("heading", { name: "Goal alignment matrix" })
    ).toBeInTheDocument();
    expect(
      within(panel).getByRole("group", { name: "Open CompAlign in Excel to use these actions" })
    ).toBeInTheDocument();
    expect(within(panel).queryAllByRole("button")).toEqual([]);
  });

  it.each([
    ["Scenarios", "Plan scenarios"],
    ["Pulse", "Pulse check"],
  ])("the %s tab says what is coming, with no controls", async (name, heading) => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole("tab", { name }));
    await nextFrame();
    const panel = screen.getByRole("tabpanel", { name });
    expect(within(panel).getByRole("heading", { name: heading })).toBeInTheDocument();
    expect(within(panel).getByText("Coming in a later release")).toBeInTheDocument();
    expect(within(panel).queryAllByRole("button")).toEqual([]);
    expect(within(panel).queryAllByRole("textbox")).toEqual([]);
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
