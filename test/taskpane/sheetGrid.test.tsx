/** @jest-environment jsdom */
/**
 * The playground's preview grid renders only the rows in view (and a margin): a 20,000-row tab
 * costs what a small one does, every row can still be scrolled to, and "Go to" a cell far down
 * renders it and outlines it.
 */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { OVERSCAN_ROWS, rowWindow, SheetGrid } from "../../src/taskpane/playground/SheetGrid";
import { layoutSheet } from "../../src/workbook/sheetModel";

const ROWS = 20_000;

function bigSheet() {
  const values: (string | number)[][] = [["Rep", "Payout"]];
  for (let r = 1; r < ROWS; r++) values.push([`Rep ${r}`, r * 10]);
  return layoutSheet({ name: "Baseline", blocks: [{ at: "A1", values }] });
}

/** Row numbers (1-based, as the row headers say) of the rendered data rows. */
const renderedRows = () =>
  Array.from(document.querySelectorAll("tbody tr[data-row]"), (tr) =>
    Number(tr.getAttribute("data-row"))
  );

describe("rowWindow", () => {
  it("covers the rows in view plus the margin, in steps, within the sheet", () => {
    expect(rowWindow(0, 210, 21, 20_000)).toEqual({ first: 0, last: 11 + 2 * OVERSCAN_ROWS });
    const mid = rowWindow(21 * 1000, 210, 21, 20_000);
    expect(mid.first).toBeLessThanOrEqual(1000 - OVERSCAN_ROWS);
    expect(mid.last).toBeGreaterThanOrEqual(1000 + 10 + OVERSCAN_ROWS);
    // A small scroll does not move the window.
    expect(rowWindow(21 * 1001, 210, 21, 20_000)).toEqual(mid);
    expect(rowWindow(21 * 19_999, 210, 21, 20_000).last).toBe(20_000);
    expect(rowWindow(0, 210, 21, 3)).toEqual({ first: 0, last: 3 });
  });
});

describe("SheetGrid on a 20,000-row sheet", () => {
  it("renders the first rows only, with spacers for the rest, and says so", () => {
    render(<SheetGrid sheet={bigSheet()} owned />);
    const rows = renderedRows();
    expect(rows[0]).toBe(1);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByRole("table")).toHaveAttribute("aria-rowcount", String(ROWS + 1));
    expect(screen.getByRole("table")).toHaveTextContent(
      `Baseline, a report CompAlign wrote: ${ROWS.toLocaleString("en-US").replace(",", "")} rows (rows 1 to ${rows.length} rendered; scroll for the others)`
    );
    // The spacer below stands for every row not rendered (21 px each until measured).
    const spacer = document.querySelector('tbody tr[aria-hidden="true"]') as HTMLElement;
    expect(spacer.style.height).toBe(`${(ROWS - rows.length) * 21}px`);
  });

  it("renders the rows scrolled to", () => {
    render(<SheetGrid sheet={bigSheet()} owned />);
    const region = screen.getByRole("region");
    act(() => {
      region.scrollTop = 21 * 12_000;
      fireEvent.scroll(region);
    });
    const rows = renderedRows();
    expect(rows).toContain(12_001);
    expect(rows.length).toBeLessThan(120);
    expect(document.querySelector('td[data-cell="B12001"]')).toHaveTextContent("120000");
    expect(document.querySelector('td[data-cell="A2"]')).toBeNull();
  });

  it("Go to a cell far down renders and outlines it", () => {
    render(<SheetGrid sheet={bigSheet()} owned selected="B15000" />);
    expect(document.querySelector('td[data-cell="B15000"]')).toHaveAttribute(
      "data-selected",
      "true"
    );
    expect(renderedRows()).not.toContain(1);
  });
});
