/** @jest-environment jsdom */
import "../setup/dom";
import "./structuredClone";
import { act, renderHook, waitFor } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";
import type { WorkbookAccess } from "../../src/taskpane/workbookAccess";
import { useHasMatrix } from "../../src/taskpane/alignment/useHasMatrix";

const access = (book: MemoryWorkbook): WorkbookAccess => ({ run: (action) => action(book) });
const sheet = (name: string) => ({ name, values: [["Plan"]] });

describe("useHasMatrix", () => {
  it("is null until the sheet names are read, then whether a Matrix sheet exists", async () => {
    const noMatrix = access(MemoryWorkbook.fromSheets([sheet("Objectives")]));
    const { result: without } = renderHook(() => useHasMatrix(noMatrix, 0));
    expect(without.current).toBeNull();
    await waitFor(() => expect(without.current).toBe(false));

    const matrix = access(MemoryWorkbook.fromSheets([sheet("Objectives"), sheet("Matrix")]));
    const { result: withMatrix } = renderHook(() => useHasMatrix(matrix, 0));
    expect(withMatrix.current).toBeNull();
    await waitFor(() => expect(withMatrix.current).toBe(true));
  });

  it("matches the sheet name as Excel does, ignoring case", async () => {
    const upper = access(MemoryWorkbook.fromSheets([sheet("MATRIX")]));
    const { result } = renderHook(() => useHasMatrix(upper, 0));
    await waitFor(() => expect(result.current).toBe(true));
  });

  it("reads again for a new version, and an older read that ends later does not win", async () => {
    const book = MemoryWorkbook.fromSheets([sheet("Plans")]);
    const held: { action: (b: WorkbookPort) => Promise<unknown>; release: () => void }[] = [];
    const slow: WorkbookAccess = {
      run: <T,>(action: (b: WorkbookPort) => Promise<T>) =>
        new Promise<T>((resolve, reject) => {
          held.push({ action, release: () => action(book).then(resolve, reject) });
        }),
    };
    const { result, rerender } = renderHook(({ version }) => useHasMatrix(slow, version), {
      initialProps: { version: 0 },
    });
    expect(held).toHaveLength(1); // version 0 reads while the workbook has no Matrix

    book.renameSheet("Plans", "Matrix");
    rerender({ version: 1 });
    expect(held).toHaveLength(2);
    await act(async () => held[1].release());
    expect(result.current).toBe(true);

    // Version 0's read, started before Matrix existed, finishes last: it must not overwrite.
    book.renameSheet("Matrix", "Plans");
    await act(async () => held[0].release());
    expect(result.current).toBe(true);
  });
});
