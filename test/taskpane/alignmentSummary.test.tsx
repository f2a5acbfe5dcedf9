/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "../setup/dom";
import "./structuredClone";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupWorkbook } from "../../src/actions";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { AlignmentTab } from "../../src/taskpane/AlignmentTab";
import { memoryAccess } from "../helpers/memoryAccess";
import { expectNoAxeViolations } from "../helpers/axe";
import { renderInPane } from "./paneTest";

jest.setTimeout(60_000);

const renderTab = (book: MemoryWorkbook) =>
  renderInPane(<AlignmentTab />, memoryAccess(book).access);

const summary = () => screen.getByRole("region", { name: "Alignment summary" });
const primaries = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-primary="true"]')).map(
    (b) => b.textContent
  );

describe("Alignment summary and the one primary action", () => {
  it("empty workbook: the next step is Set up workbook", async () => {
    renderTab(new MemoryWorkbook());
    expect(
      await within(summary()).findByRole("heading", { name: "Start by setting up the workbook" })
    ).toBeInTheDocument();
    expect(primaries()).toEqual(["Set up workbook"]);
  });

  it("ready: Check alignment, then the index and the counts", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    renderTab(book);
    expect(await within(summary()).findByRole("heading", { name: "Not checked yet" })).toBeTruthy();
    expect(primaries()).toEqual(["Check alignment"]);
    await user.click(screen.getByRole("button", { name: "Check alignment" }));
    const heading = await within(summary()).findByRole("heading", {
      name: /^Design alignment index \d\.\d\d$/,
    });
    expect(heading).toBeInTheDocument();
    expect(summary()).toHaveTextContent(/No errors; \d+ warnings? and \d+ notes?\./);
    expect(primaries()).toEqual(["Check alignment"]);
  });

  it("errors: Not valid, and Go to the first error is the only primary action", async () => {
    const user = userEvent.setup();
    const book = new MemoryWorkbook();
    await setupWorkbook(book);
    book.setCell("Matrix!E2", 0.3);
    const select = jest.spyOn(book, "select");
    const { container } = renderTab(book);
    await user.click(await screen.findByRole("button", { name: "Check alignment" }));
    expect(
      await within(summary()).findByRole("heading", { name: "Not valid: 1 error" })
    ).toBeInTheDocument();
    expect(summary()).toHaveTextContent("not valid until the errors are fixed");
    expect(primaries()).toEqual(["Go to the first error"]);
    await user.click(
      within(summary()).getByRole("button", { name: "Go to the first error (Matrix, E2)" })
    );
    expect(select).toHaveBeenCalledWith("Matrix!E2");
    // The summary comes before the actions and the details.
    const order = Array.from(container.querySelectorAll('[data-summary], [role="group"]'));
    expect(order[0]).toBe(summary());
    await expectNoAxeViolations(container);
  });
});
