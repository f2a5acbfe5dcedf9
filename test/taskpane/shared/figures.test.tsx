/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../../setup/dom";
import "../structuredClone";
import { act, render, screen } from "@testing-library/react";
import { MemoryWorkbook } from "../../../src/workbook/memory";
import { WorkbookProvider, useWorkbook } from "../../../src/taskpane/workbookAccess";
import { useFigures } from "../../../src/taskpane/shared/figures";
import { memoryAccess } from "../../helpers/memoryAccess";

function Figure() {
  const fig = useFigures();
  const workbook = useWorkbook();
  return (
    <>
      <p>{fig.money(22814229.6).replace(/\s/g, " ")}</p>
      <p>{fig.percent(0.6193).replace(/\s/g, " ")}</p>
      <button onClick={() => void workbook?.run(async (book) => book.sheetNames())}>run</button>
    </>
  );
}

async function bookWith(rows: string[][] | null) {
  const book = new MemoryWorkbook();
  if (rows)
    await book.createSheet({
      name: "Settings",
      blocks: [{ at: "A1", values: [["Setting", "Value"], ...rows] }],
    });
  return book;
}

describe("the pane's figures follow the workbook", () => {
  it("formats money in EUR (de-DE) once the workbook has been read, with no extra run", async () => {
    const { access, calls } = memoryAccess(
      await bookWith([
        ["Currency", "EUR"],
        ["Locale", "de-DE"],
      ])
    );
    render(
      <WorkbookProvider access={access}>
        <Figure />
      </WorkbookProvider>
    );
    // Nothing is read before a view asks for the workbook.
    expect(calls.runs).toBe(0);
    expect(screen.getByText("$22,814,230")).toBeInTheDocument();
    await act(async () => screen.getByRole("button", { name: "run" }).click());
    expect(calls.runs).toBe(1);
    expect(await screen.findByText("22.814.230 €")).toBeInTheDocument();
    expect(screen.getByText("61,9 %")).toBeInTheDocument();
  });

  it("stays USD without a Settings sheet", async () => {
    const { access } = memoryAccess(await bookWith(null));
    render(
      <WorkbookProvider access={access}>
        <Figure />
      </WorkbookProvider>
    );
    await act(async () => screen.getByRole("button", { name: "run" }).click());
    expect(screen.getByText("$22,814,230")).toBeInTheDocument();
    expect(screen.getByText("61.9%")).toBeInTheDocument();
  });
});
