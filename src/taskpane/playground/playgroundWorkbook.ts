/**
 * The playground's workbook: an in-memory workbook (the port's memory adapter) that starts with
 * the demo sample, or empty, and the WorkbookAccess the pane uses on it. Actions run on it
 * directly; table watching follows cell edits (`setCell`, `appendRows`) on sheets holding the
 * watched tables, debounced as in Excel.
 */
import { insertSampleData } from "../../actions";
import { MemoryWorkbook, type SheetSnapshot } from "../../workbook/memory";
import type { SheetValue, WorkbookPort } from "../../workbook/port";
import { TABLE_CHANGE_DEBOUNCE_MS, type WorkbookAccess } from "../workbookAccess";

/** A new in-memory workbook holding the demo sample (360 reps, 3 plans, 3 scenarios), or nothing. */
export async function createPlaygroundBook(
  options: { empty?: boolean } = {}
): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  if (!options.empty) await insertSampleData(book);
  return book;
}

const lower = (s: string) => s.toLowerCase();

export interface MemoryAccessOptions {
  /** Quiet time after the last edit before a watched table counts as changed. */
  debounceMs?: number;
  /** Called after every action `run` settles (the preview follows `select` with it). */
  afterRun?: () => void;
}

/** The pane's access to an in-memory workbook. */
export function memoryWorkbookAccess(
  book: MemoryWorkbook,
  { debounceMs = TABLE_CHANGE_DEBOUNCE_MS, afterRun }: MemoryAccessOptions = {}
): WorkbookAccess {
  return {
    async run<T>(action: (port: WorkbookPort) => Promise<T>): Promise<T> {
      try {
        return await action(book);
      } finally {
        afterRun?.();
      }
    },
    watchTables(tables, onChange) {
      const wanted = new Set(tables.map(lower));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = book.onChange((change) => {
        // Cell edits (the user's, or a row appended at the user's request), as Excel's
        // Table.onChanged reports them; the sheets CompAlign adds or writes are not watched.
        if (change.kind !== "edit") return;
        const touched = change.sheets.some((name) =>
          book.sheet(name)?.tables.some((t) => wanted.has(lower(t.name)))
        );
        if (!touched) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          onChange();
        }, debounceMs);
      });
      return () => {
        if (timer !== undefined) clearTimeout(timer);
        stop();
      };
    },
    // The memory adapter appends rows (WorkbookPort.appendRows): the Scenarios form is offered.
    canAppendRows: true,
  };
}

/**
 * What the playground puts on `window.__compalign` for people poking at it from the console and
 * for the end-to-end tests: the workbook, and a user's edits and views of it.
 */
export interface PlaygroundHook {
  book: MemoryWorkbook;
  /** Types a value into a cell, as a user would ("Matrix!E2", 0.6). */
  setCell(address: string, value: SheetValue): void;
  /** A copy of one sheet: values, formulas, number formats, tables, charts, owned or not. */
  snapshot(name: string): SheetSnapshot;
  /** Every sheet's name, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Names of the sheets CompAlign owns. */
  ownedSheets(): Promise<string[]>;
}

declare global {
  interface Window {
    __compalign?: PlaygroundHook;
  }
}

export function installPlaygroundHook(
  book: MemoryWorkbook,
  target: Window = window
): PlaygroundHook {
  const hook: PlaygroundHook = {
    book,
    setCell: (address, value) => book.setCell(address, value),
    snapshot: (name) => book.snapshot(name),
    sheetNames: () => book.sheetNames(),
    ownedSheets: () => book.ownedSheets(),
  };
  target.__compalign = hook;
  return hook;
}
